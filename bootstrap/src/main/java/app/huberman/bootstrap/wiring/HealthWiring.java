package app.huberman.bootstrap.wiring;

import app.huberman.application.health.port.in.CheckReadinessUseCase;
import app.huberman.application.health.port.in.CheckStartupUseCase;
import app.huberman.application.health.port.in.MigrateSchemaUseCase;
import app.huberman.application.health.port.out.DependencyProbePort;
import app.huberman.application.health.port.out.SchemaMigratorPort;
import app.huberman.application.health.service.InstanceHealthService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import java.time.Duration;

/** One {@link InstanceHealthService} per instance, seen through its three use cases. */
@ApplicationScoped
public class HealthWiring {

  /** Each dependency gets this long to answer a readiness probe. */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  /** Typed to its class only, so each use case below has exactly one producer. */
  @Produces
  @Singleton
  @Typed(InstanceHealthService.class)
  public InstanceHealthService instanceHealth(
      SchemaMigratorPort migrator, Instance<DependencyProbePort> probes) {
    // A virtual thread per probe: a hung probe holds only its own thread, never a pool's. Not a
    // managed thread: those refuse to start while the application is still deploying, and the
    // probes need no container context.
    return new InstanceHealthService(
        migrator,
        probes.stream().toList(),
        PROBE_TIMEOUT,
        probe -> Thread.ofVirtual().name("readiness-probe").start(probe));
  }

  @Produces
  public MigrateSchemaUseCase migrateSchema(InstanceHealthService health) {
    return health;
  }

  @Produces
  public CheckStartupUseCase checkStartup(InstanceHealthService health) {
    return health;
  }

  @Produces
  public CheckReadinessUseCase checkReadiness(InstanceHealthService health) {
    return health;
  }
}
