package app.huberman.adapters.persistence.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.adapters.persistence.PostgresTestDatabase;
import app.huberman.adapters.persistence.TestTransactions;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.WebhookEventRepositoryContract;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.domain.subscription.PaymentProvider;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JdbcWebhookEventRepositoryIT extends WebhookEventRepositoryContract {

  private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

  private static PostgresTestDatabase database;
  private static TestTransactions transactions;

  @BeforeAll
  static void createDatabase() throws Exception {
    database = PostgresTestDatabase.createMigrated("webhooks");
    transactions = new TestTransactions(database.dataSource());
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    transactions.close();
    database.close();
  }

  @Override
  protected WebhookEventRepository emptyRepository() {
    database.execute("DELETE FROM webhook_events");
    return repository();
  }

  @Override
  protected UnitOfWorkPort transactions() {
    return transactions;
  }

  private static JdbcWebhookEventRepository repository() {
    return new JdbcWebhookEventRepository(transactions.dataSource());
  }

  @Test
  void keepsThePayloadsMeaningInJsonbsOwnForm() {
    JdbcWebhookEventRepository events = repository();
    database.execute("DELETE FROM webhook_events");
    String sent = "{ \"type\":\"invoice.paid\",\n  \"id\" : \"evt_9\", \"n\": 1.50 }";

    transactions.inTransaction(
        () ->
            events.addIfAbsent(
                new VerifiedNotification(PaymentProvider.STRIPE, "evt_9", "invoice.paid", AT, sent),
                AT));

    assertThat(
            transactions.readOnly(() -> events.find(PaymentProvider.STRIPE, "evt_9")).orElseThrow())
        .extracting(stored -> stored.notification().payload())
        .isEqualTo("{\"n\": 1.50, \"id\": \"evt_9\", \"type\": \"invoice.paid\"}");
  }

  @Test
  void refusesToMarkANotificationItDoesNotStore() {
    JdbcWebhookEventRepository events = repository();

    assertThatThrownBy(
            () ->
                transactions.inTransaction(
                    () -> {
                      events.markProcessed(PaymentProvider.APPLE, "never", AT, Optional.empty());
                      return null;
                    }))
        .isInstanceOf(IllegalStateException.class);
  }
}
