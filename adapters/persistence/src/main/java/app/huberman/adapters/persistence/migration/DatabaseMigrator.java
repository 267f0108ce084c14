package app.huberman.adapters.persistence.migration;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
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
    MigrateResult result = flyway(dataSource, classLoader).migrate();
    return result.targetSchemaVersion != null
        ? result.targetSchemaVersion
        : result.initialSchemaVersion;
  }

  /**
   * The schema's version, read without changing anything; empty when migrations of this build are
   * still to be applied. A schema newer than this build (a later build migrated it) counts as up to
   * date: its migrations only ever add.
   */
  public static SchemaVersion inspect(DataSource dataSource, ClassLoader classLoader) {
    MigrationInfoService info = flyway(dataSource, classLoader).info();
    MigrationInfo current = info.current();
    MigrationInfo[] all = info.all();
    String latest = all.length == 0 ? "none" : all[all.length - 1].getVersion().getVersion();
    return new SchemaVersion(
        current == null ? "none" : current.getVersion().getVersion(),
        latest,
        info.pending().length == 0);
  }

  /** What {@link #inspect} found. */
  public record SchemaVersion(String current, String latest, boolean upToDate) {}

  private static Flyway flyway(DataSource dataSource, ClassLoader classLoader) {
    return Flyway.configure(classLoader)
        .dataSource(dataSource)
        .locations(MIGRATIONS)
        .failOnMissingLocations(true)
        .validateMigrationNaming(true)
        .load();
  }
}
