package app.huberman.adapters.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.adapters.persistence.PostgresTestDatabase;
import app.huberman.application.health.port.out.SchemaBehindException;
import app.huberman.application.shared.DependencyUnavailableException;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class FlywaySchemaMigratorIT {

  /** What a test does with a database of its own, which it may create; dropped afterwards. */
  private interface WithDatabase {
    void run(PostgresServer server, PGSimpleDataSource dataSource) throws Exception;
  }

  private static void inADatabaseOfItsOwn(String prefix, WithDatabase test) throws Exception {
    String name = prefix + UUID.randomUUID().toString().substring(0, 8);
    PostgresServer server = PostgresTestDatabase.localServer(name);
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(server.jdbcUrl());
    dataSource.setUser(server.username());
    try {
      test.run(server, dataSource);
    } finally {
      try (var connection =
              java.sql.DriverManager.getConnection(
                  PostgresTestDatabase.localServer("postgres").jdbcUrl(), server.username(), "");
          var statement = connection.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
    }
  }

  @Test
  void createsTheMissingDatabaseThenMigratesIt() throws Exception {
    inADatabaseOfItsOwn(
        "huberman_it_fresh_",
        (server, dataSource) -> {
          String version = new FlywaySchemaMigrator(server, dataSource).migrateToLatest();

          assertThat(version).isNotBlank();
        });
  }

  @Test
  void verifyingSaysTheSchemaIsBehindUntilItIsMigratedAndChangesNothing() throws Exception {
    inADatabaseOfItsOwn(
        "huberman_it_verify_",
        (server, dataSource) -> {
          DatabaseCreator.createIfMissing(server);
          FlywaySchemaMigrator migrator = new FlywaySchemaMigrator(server, dataSource);

          assertThatThrownBy(migrator::verifyLatest)
              .isInstanceOf(SchemaBehindException.class)
              .hasMessageStartingWith(
                  "The database schema is at version none; this build expects ");
          assertThatThrownBy(migrator::verifyLatest).isInstanceOf(SchemaBehindException.class);

          String migrated = migrator.migrateToLatest();

          assertThat(migrator.verifyLatest()).isEqualTo(migrated);
        });
  }

  @Test
  void saysTheDatabaseIsUnavailableWhenNothingListens() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    PostgresServer nowhere = new PostgresServer("127.0.0.1", port, "huberman", "postgres", "");
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(nowhere.jdbcUrl());

    assertThatThrownBy(() -> new FlywaySchemaMigrator(nowhere, dataSource).migrateToLatest())
        .isInstanceOf(DependencyUnavailableException.class);
    assertThatThrownBy(() -> new FlywaySchemaMigrator(nowhere, dataSource).verifyLatest())
        .isInstanceOf(DependencyUnavailableException.class);
  }
}
