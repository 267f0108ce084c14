package app.huberman.application.health.port.out;

/** Migrates the database schema; safe to call from several instances and more than once. */
public interface SchemaMigratorPort {

  /**
   * @return the schema version after migrating
   * @throws app.huberman.application.shared.DependencyUnavailableException when the database cannot
   *     be reached
   */
  String migrateToLatest();
}
