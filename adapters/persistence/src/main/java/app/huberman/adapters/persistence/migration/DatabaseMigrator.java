package app.huberman.adapters.persistence.migration;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Applies the Flyway migrations shipped in {@code db/migration} of this module. */
public final class DatabaseMigrator {

  static final String MIGRATIONS = "classpath:db/migration";

  private DatabaseMigrator() {}

  /**
   * Migrates to the latest version. Safe to run from several instances at once: Flyway serialises
   * them with a PostgreSQL advisory lock.
   *
   * @return the schema version after migrating
   */
  public static String migrate(DataSource dataSource, ClassLoader classLoader) {
    MigrateResult result =
        Flyway.configure(classLoader)
            .dataSource(dataSource)
            .locations(MIGRATIONS)
            .failOnMissingLocations(true)
            .validateMigrationNaming(true)
            .load()
            .migrate();
    return result.targetSchemaVersion != null
        ? result.targetSchemaVersion
        : result.initialSchemaVersion;
  }
}
