package app.huberman.adapters.persistence.migration;

import app.huberman.adapters.persistence.ConnectionFailures;
import app.huberman.adapters.persistence.migration.DatabaseMigrator.SchemaVersion;
import app.huberman.application.health.port.out.SchemaBehindException;
import app.huberman.application.health.port.out.SchemaMigratorPort;
import app.huberman.application.shared.DependencyUnavailableException;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;

/** Creates the database if it is missing, then applies the Flyway migrations. */
public final class FlywaySchemaMigrator implements SchemaMigratorPort {

  private final PostgresServer server;
  private final DataSource dataSource;

  public FlywaySchemaMigrator(PostgresServer server, DataSource dataSource) {
    this.server = Objects.requireNonNull(server, "server");
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
  }

  @Override
  public String migrateToLatest() {
    try {
      DatabaseCreator.createIfMissing(server);
      return DatabaseMigrator.migrate(dataSource, FlywaySchemaMigrator.class.getClassLoader());
    } catch (SQLException | RuntimeException e) {
      if (ConnectionFailures.isConnectionFailure(e)) {
        throw new DependencyUnavailableException("database", e);
      }
      throw new IllegalStateException("Migrating " + server + " failed", e);
    }
  }

  @Override
  public String verifyLatest() {
    SchemaVersion schema;
    try {
      schema = DatabaseMigrator.inspect(dataSource, FlywaySchemaMigrator.class.getClassLoader());
    } catch (RuntimeException e) {
      if (ConnectionFailures.isConnectionFailure(e)) {
        throw new DependencyUnavailableException("database", e);
      }
      throw new IllegalStateException("Reading the schema version of " + server + " failed", e);
    }
    if (!schema.upToDate()) {
      throw new SchemaBehindException(schema.current(), schema.latest());
    }
    return schema.current();
  }
}
