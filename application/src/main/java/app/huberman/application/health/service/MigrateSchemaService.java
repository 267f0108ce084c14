package app.huberman.application.health.service;

import app.huberman.application.health.port.in.MigrateSchemaUseCase;
import app.huberman.application.health.port.out.SchemaMigratorPort;
import java.util.Objects;

/**
 * Brings the schema to this build's version and records the version reached: until then the
 * instance has neither started nor is ready. The operator CLI's {@code migrate} builds it alone.
 */
public final class MigrateSchemaService implements MigrateSchemaUseCase {

  private final SchemaMigratorPort migrator;
  private final MigratedSchema migrated;

  public MigrateSchemaService(SchemaMigratorPort migrator, MigratedSchema migrated) {
    this.migrator = Objects.requireNonNull(migrator, "migrator");
    this.migrated = Objects.requireNonNull(migrated, "migrated");
  }

  @Override
  public String migrateSchema() {
    String version = migrator.migrateToLatest();
    migrated.record(version);
    return version;
  }
}
