package app.huberman.adapters.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.persistence.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DatabaseCreatorIT {

  @Test
  void createsAMissingDatabaseOnceAndLeavesAnExistingOneAlone() throws Exception {
    String name = "huberman_it_creator_\"odd\"_" + UUID.randomUUID().toString().substring(0, 8);
    PostgresServer server = PostgresTestDatabase.localServer(name);
    try {
      assertThat(DatabaseCreator.createIfMissing(server)).isTrue();
      assertThat(DatabaseCreator.createIfMissing(server)).isFalse();

      try (Connection connection =
              DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
          Statement statement = connection.createStatement();
          ResultSet row = statement.executeQuery("SELECT current_database()")) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString(1)).isEqualTo(name);
      }
    } finally {
      try (Connection connection =
              DriverManager.getConnection(
                  PostgresTestDatabase.localServer("postgres").jdbcUrl(),
                  server.username(),
                  server.password());
          Statement statement = connection.createStatement()) {
        statement.execute(
            "DROP DATABASE IF EXISTS " + DatabaseCreator.quoteIdentifier(name) + " WITH (FORCE)");
      }
    }
  }

  @Test
  void migratingTwiceIsANoOpAndReportsTheSameVersion() throws Exception {
    try (PostgresTestDatabase database = PostgresTestDatabase.createEmpty("migrate")) {
      String first = DatabaseMigrator.migrate(database.dataSource(), getClass().getClassLoader());
      String second = DatabaseMigrator.migrate(database.dataSource(), getClass().getClassLoader());

      assertThat(first).isNotBlank().isEqualTo(second);
    }
  }

  @Test
  void thePasswordNeverAppearsInTheDescriptionOfTheServer() {
    PostgresServer server = new PostgresServer("db", 5432, "huberman", "app", "s3cret-pass");

    assertThat(server.toString()).doesNotContain("s3cret-pass").contains("app@db:5432/huberman");
  }
}
