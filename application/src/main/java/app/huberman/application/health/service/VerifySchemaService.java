package app.huberman.application.health.service;

import app.huberman.application.health.port.in.VerifySchemaUseCase;
import app.huberman.application.health.port.out.SchemaMigratorPort;
import java.util.Objects;

/**
 * Records the schema version once it is the one this build expects, as {@link MigrateSchemaService}
 * does after migrating: until then the instance has neither started nor is ready.
 */
public final class VerifySchemaService implements VerifySchemaUseCase {

  private final SchemaMigratorPort migrator;
  private final MigratedSchema migrated;

  public VerifySchemaService(SchemaMigratorPort migrator, MigratedSchema migrated) {
    this.migrator = Objects.requireNonNull(migrator, "migrator");
    this.migrated = Objects.requireNonNull(migrated, "migrated");
  }

  @Override
  public String verifySchema() {
    String version = migrator.verifyLatest();
    migrated.record(version);
    return version;
  }
}
