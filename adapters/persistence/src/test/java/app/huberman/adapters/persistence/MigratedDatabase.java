package app.huberman.adapters.persistence;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A migrated database of a test class's own, and plain-JDBC transactions on it: created before the
 * class's tests, dropped after them. Register it as a static field with {@code @RegisterExtension}.
 */
public final class MigratedDatabase implements BeforeAllCallback, AfterAllCallback {

  private final String purpose;
  private PostgresTestDatabase database;
  private TestTransactions transactions;

  public MigratedDatabase(String purpose) {
    this.purpose = purpose;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    database = PostgresTestDatabase.createMigrated(purpose);
    transactions = new TestTransactions(database.dataSource());
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    transactions.close();
    database.close();
  }

  public PostgresTestDatabase database() {
    return database;
  }

  public TestTransactions transactions() {
    return transactions;
  }
}
