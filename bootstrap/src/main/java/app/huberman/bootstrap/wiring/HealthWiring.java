package app.huberman.bootstrap.wiring;

import app.huberman.application.health.port.in.CheckReadinessUseCase;
import app.huberman.application.health.port.in.CheckServingUseCase;
import app.huberman.application.health.port.in.CheckStartupUseCase;
import app.huberman.application.health.port.in.DrainInstanceUseCase;
import app.huberman.application.health.port.in.MigrateSchemaUseCase;
import app.huberman.application.health.port.in.VerifySchemaUseCase;
import app.huberman.application.health.port.out.DependencyProbePort;
import app.huberman.application.health.port.out.SchemaMigratorPort;
import app.huberman.application.health.service.CheckReadinessService;
import app.huberman.application.health.service.CheckServingService;
import app.huberman.application.health.service.CheckStartupService;
import app.huberman.application.health.service.DrainInstanceService;
import app.huberman.application.health.service.Draining;
import app.huberman.application.health.service.MigrateSchemaService;
import app.huberman.application.health.service.MigratedSchema;
import app.huberman.application.health.service.VerifySchemaService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * The start, the readiness and the drain of this instance: the use cases share one {@link
 * MigratedSchema}, which the migration (or the verification) records and the checks read, and one
 * {@link Draining}, which the drain begins and the readiness check reads.
 */
@ApplicationScoped
public class HealthWiring {

  /** Each dependency gets this long to answer a readiness probe. */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  @Produces
  @Singleton
  public MigratedSchema migratedSchema() {
    return new MigratedSchema();
  }

  @Produces
  @ApplicationScoped
  public MigrateSchemaUseCase migrateSchema(SchemaMigratorPort migrator, MigratedSchema migrated) {
    return new MigrateSchemaService(migrator, migrated);
  }

  @Produces
  @ApplicationScoped
  public VerifySchemaUseCase verifySchema(SchemaMigratorPort migrator, MigratedSchema migrated) {
    return new VerifySchemaService(migrator, migrated);
  }

  @Produces
  @Singleton
  public Draining draining() {
    return new Draining();
  }

  @Produces
  @ApplicationScoped
  public DrainInstanceUseCase drainInstance(Draining draining) {
    return new DrainInstanceService(draining);
  }

  @Produces
  @ApplicationScoped
  public CheckServingUseCase checkServing(MigratedSchema migrated, Draining draining) {
    return new CheckServingService(migrated, draining);
  }

  @Produces
  @ApplicationScoped
  public CheckStartupUseCase checkStartup(MigratedSchema migrated) {
    return new CheckStartupService(migrated);
  }

  @Produces
  @ApplicationScoped
  public CheckReadinessUseCase checkReadiness(
      MigratedSchema migrated, Draining draining, Instance<DependencyProbePort> probes) {
    // A virtual thread per probe: a hung probe holds only its own thread, never a pool's. Not a
    // managed thread: those refuse to start while the application is still deploying, and the
    // probes need no container context.
    return new CheckReadinessService(
        migrated,
        draining,
        probes.stream().toList(),
        PROBE_TIMEOUT,
        probe -> Thread.ofVirtual().name("readiness-probe").start(probe));
  }
}
