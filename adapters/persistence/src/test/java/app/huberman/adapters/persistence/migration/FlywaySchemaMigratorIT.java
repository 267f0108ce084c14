package app.huberman.adapters.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.adapters.persistence.PostgresTestDatabase;
import app.huberman.application.shared.DependencyUnavailableException;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

class FlywaySchemaMigratorIT {

  @Test
  void createsTheMissingDatabaseThenMigratesIt() throws Exception {
    String name = "huberman_it_fresh_" + UUID.randomUUID().toString().substring(0, 8);
    PostgresServer server = PostgresTestDatabase.localServer(name);
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setUrl(server.jdbcUrl());
    dataSource.setUser(server.username());
    try {
      String version = new FlywaySchemaMigrator(server, dataSource).migrateToLatest();

      assertThat(version).isNotBlank();
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
  }
}
