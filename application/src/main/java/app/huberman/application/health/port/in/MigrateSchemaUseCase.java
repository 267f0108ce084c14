package app.huberman.application.health.port.in;

/** Brings the database schema to the version this build expects; run at start-up. */
public interface MigrateSchemaUseCase {

  /**
   * @return the schema version after migrating
   * @throws app.huberman.application.shared.DependencyUnavailableException when the database cannot
   *     be reached yet; calling again later is safe
   */
  String migrateSchema();
}
