package app.huberman.application.health.port.in;

/**
 * Checks that the database schema is at the version this build expects, without migrating it: the
 * start of an instance that leaves migrations to a step of their own ({@code
 * MIGRATE_ON_START=false}).
 */
public interface VerifySchemaUseCase {

  /**
   * @return the schema version
   * @throws app.huberman.application.health.port.out.SchemaBehindException when migrations of this
   *     build are still to be applied; calling again later is safe
   * @throws app.huberman.application.shared.DependencyUnavailableException when the database cannot
   *     be reached yet
   */
  String verifySchema();
}
