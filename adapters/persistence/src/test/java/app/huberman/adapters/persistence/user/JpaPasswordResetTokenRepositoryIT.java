package app.huberman.adapters.persistence.user;

import app.huberman.adapters.persistence.PostgresTestDatabase;
import app.huberman.adapters.persistence.TransactionPerCall;
import app.huberman.application.user.PasswordResetTokenRepositoryContract;
import app.huberman.application.user.port.out.PasswordResetTokenRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JpaPasswordResetTokenRepositoryIT extends PasswordResetTokenRepositoryContract {

  private static PostgresTestDatabase database;

  @BeforeAll
  static void createDatabase() throws Exception {
    database = PostgresTestDatabase.createMigrated("resets");
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.close();
  }

  @Override
  protected PasswordResetTokenRepository emptyRepository() {
    database.execute("DELETE FROM password_reset_tokens");
    return TransactionPerCall.of(
        PasswordResetTokenRepository.class, database, JpaPasswordResetTokenRepository::new);
  }
}
