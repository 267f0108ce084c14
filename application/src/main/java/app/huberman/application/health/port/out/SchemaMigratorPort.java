package app.huberman.application.health.port.out;

/**
 * Migrates the database schema, or checks it; safe to call from several instances and more than
 * once.
 */
public interface SchemaMigratorPort {

  /**
   * @return the schema version after migrating
   * @throws app.huberman.application.shared.DependencyUnavailableException when the database cannot
   *     be reached
   */
  String migrateToLatest();

  /**
   * Checks, without changing anything, that every migration of this build has been applied.
   *
   * @return the schema version
   * @throws SchemaBehindException when some have not
   * @throws app.huberman.application.shared.DependencyUnavailableException when the database cannot
   *     be reached
   */
  String verifyLatest();
}
