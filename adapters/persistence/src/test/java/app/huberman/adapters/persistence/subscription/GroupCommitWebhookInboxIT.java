package app.huberman.adapters.persistence.subscription;

import app.huberman.adapters.persistence.PostgresTestDatabase;
import app.huberman.adapters.persistence.TestTransactions;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.WebhookInboxContract;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.application.subscription.port.out.WebhookInboxPort;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The group-committing webhook inbox on the real PostgreSQL: the contract. */
class GroupCommitWebhookInboxIT extends WebhookInboxContract {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  private static PostgresTestDatabase database;
  private static TestTransactions transactions;

  @BeforeAll
  static void createDatabase() throws Exception {
    database = PostgresTestDatabase.createMigrated("webhook_inbox");
    transactions = new TestTransactions(database.dataSource());
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    transactions.close();
    database.close();
  }

  @Override
  protected WebhookInboxPort emptyInbox() {
    database.execute("DELETE FROM webhook_events");
    database.execute("DELETE FROM jobs");
    return new GroupCommitWebhookInbox(webhookEvents(), transactions, CLOCK);
  }

  @Override
  protected WebhookEventRepository webhookEvents() {
    return new JdbcWebhookEventRepository(transactions.dataSource());
  }

  @Override
  protected UnitOfWorkPort transactions() {
    return transactions;
  }

  @Override
  protected List<String> processingJobsEnqueued() {
    return database.strings(
        "SELECT payload #>> '{data,event}' FROM jobs WHERE type = '" + PROCESS.value() + "'");
  }
}
