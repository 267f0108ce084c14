package app.huberman.application.health.service;

import app.huberman.application.health.port.in.CheckReadinessUseCase;
import app.huberman.application.health.port.in.CheckStartupUseCase;
import app.huberman.application.health.port.in.MigrateSchemaUseCase;
import app.huberman.application.health.port.in.ReadinessReport;
import app.huberman.application.health.port.in.ReadinessReport.DependencyStatus;
import app.huberman.application.health.port.out.DependencyProbePort;
import app.huberman.application.health.port.out.SchemaMigratorPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The life of one instance as probes see it: started once the schema is migrated, ready while
 * started and every dependency answers.
 */
public final class InstanceHealthService
    implements MigrateSchemaUseCase, CheckStartupUseCase, CheckReadinessUseCase {

  static final String SCHEMA = "schema";

  private final SchemaMigratorPort migrator;
  private final List<DependencyProbePort> probes;
  private final Duration probeTimeout;
  private volatile String schemaVersion;

  public InstanceHealthService(
      SchemaMigratorPort migrator, List<DependencyProbePort> probes, Duration probeTimeout) {
    this.migrator = Objects.requireNonNull(migrator, "migrator");
    this.probes = List.copyOf(probes);
    this.probeTimeout = Objects.requireNonNull(probeTimeout, "probeTimeout");
  }

  @Override
  public String migrateSchema() {
    String version = migrator.migrateToLatest();
    schemaVersion = version;
    return version;
  }

  @Override
  public boolean started() {
    return schemaVersion != null;
  }

  @Override
  public ReadinessReport checkReadiness() {
    List<DependencyStatus> statuses = new ArrayList<>();
    String version = schemaVersion;
    statuses.add(
        version == null
            ? new DependencyStatus(SCHEMA, false, "migrations have not completed")
            : new DependencyStatus(SCHEMA, true, ""));
    probes.forEach(probe -> statuses.add(probe(probe)));
    return new ReadinessReport(statuses);
  }

  private DependencyStatus probe(DependencyProbePort probe) {
    try {
      probe.probe(probeTimeout);
      return new DependencyStatus(probe.dependencyName(), true, "");
    } catch (Exception e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new DependencyStatus(probe.dependencyName(), false, reason);
    }
  }
}
