package app.huberman.adapters.persistence.subscription;

import app.huberman.adapters.persistence.PostgresTestDatabase;
import app.huberman.adapters.persistence.TransactionPerCall;
import app.huberman.adapters.persistence.user.JpaUserRepository;
import app.huberman.application.subscription.AccountDirectoryContract;
import app.huberman.application.subscription.port.out.AccountDirectoryPort;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.domain.user.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JpaAccountDirectoryIT extends AccountDirectoryContract {

  private static PostgresTestDatabase database;

  @BeforeAll
  static void createDatabase() throws Exception {
    database = PostgresTestDatabase.createMigrated("accounts");
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.close();
  }

  @Override
  protected AccountDirectoryPort directoryOf(User... accounts) {
    database.execute("DELETE FROM users");
    UserRepository users =
        TransactionPerCall.of(UserRepository.class, database, JpaUserRepository::new);
    for (User account : accounts) {
      users.add(account);
    }
    return TransactionPerCall.of(AccountDirectoryPort.class, database, JpaAccountDirectory::new);
  }
}
