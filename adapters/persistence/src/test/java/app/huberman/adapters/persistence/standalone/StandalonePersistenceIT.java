package app.huberman.adapters.persistence.standalone;

import static app.huberman.application.user.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.adapters.persistence.PostgresTestDatabase;
import app.huberman.adapters.persistence.migration.PostgresServer;
import app.huberman.application.shared.DependencyUnavailableException;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.User;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StandalonePersistenceIT {

  private static PostgresTestDatabase database;

  @BeforeAll
  static void createDatabase() throws Exception {
    database = PostgresTestDatabase.createMigrated("standalone");
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.close();
  }

  @Test
  void theSimpleDataSourceConnectsToTheServersDatabase() throws Exception {
    try (Connection connection = database.server().simpleDataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT current_database()")) {
      row.next();
      assertThat(row.getString(1)).isEqualTo(database.server().database());
    }
  }

  @Test
  void commitsEachUnitOfWorkAndRollsBackAFailedOne() {
    try (StandalonePersistence persistence =
        StandalonePersistence.open(database.server().simpleDataSource())) {
      UserRepository users = persistence.users();
      User stored =
          persistence.atomically(
              () -> {
                User user = aUser().withId(users.nextId()).withEmail("ada@example.com").build();
                users.add(user);
                return user;
              });

      assertThatThrownBy(
              () ->
                  persistence.atomically(
                      () -> {
                        users.delete(stored.id());
                        throw new IllegalStateException("changed my mind");
                      }))
          .hasMessage("changed my mind");

      assertThat(persistence.readOnly(() -> users.findByEmail(Email.of("ADA@example.com"))))
          .map(User::id)
          .contains(stored.id());
    }
  }

  @Test
  void anUnreachableDatabaseIsADependencyFailure() {
    PostgresServer closed = new PostgresServer("127.0.0.1", 1, "nowhere", "postgres", "");
    assertThatThrownBy(
            () -> {
              try (StandalonePersistence persistence =
                  StandalonePersistence.open(closed.simpleDataSource())) {
                persistence.readOnly(() -> persistence.users().findByEmail(Email.of("a@b.co")));
              }
            })
        .isInstanceOf(DependencyUnavailableException.class);
  }
}
