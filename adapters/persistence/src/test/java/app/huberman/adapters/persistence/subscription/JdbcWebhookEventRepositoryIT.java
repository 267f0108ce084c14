package app.huberman.adapters.persistence.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.adapters.persistence.MigratedDatabase;
import app.huberman.adapters.persistence.job.JdbcJobQueue;
import app.huberman.application.job.port.out.NewJob;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.WebhookEventRepositoryContract;
import app.huberman.application.subscription.port.out.StalledWebhookEvent;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.application.subscription.port.out.WebhookEventKey;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.subscription.PaymentProvider;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

class JdbcWebhookEventRepositoryIT extends WebhookEventRepositoryContract {

  @RegisterExtension static final MigratedDatabase DB = new MigratedDatabase("webhooks");

  private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

  @Override
  protected WebhookEventRepository emptyRepository() {
    DB.database().execute("DELETE FROM webhook_events");
    DB.database().execute("DELETE FROM jobs");
    return repository();
  }

  @Override
  protected List<String> processingJobsEnqueued() {
    return DB.database()
        .strings(
            "SELECT payload #>> '{data,event}' FROM jobs WHERE type = '" + PROCESS.value() + "'");
  }

  @Test
  void storesEachEventsJobInTheJobQueuesFormAndWakesTheQueueOnceOnCommit() throws Exception {
    JdbcWebhookEventRepository events = repository();
    DB.database().execute("DELETE FROM webhook_events");
    DB.database().execute("DELETE FROM jobs");
    List<VerifiedNotification> batch =
        List.of(
            new VerifiedNotification(PaymentProvider.STRIPE, "evt_a", "invoice.paid", AT, "{}"),
            new VerifiedNotification(PaymentProvider.STRIPE, "evt_b", "invoice.paid", AT, "{}"));
    Function<VerifiedNotification, NewJob> job =
        notification ->
            new NewJob(
                JobType.of("test.process"),
                JobPayload.of(2, Map.of("event_id", notification.eventId())),
                JobOptions.defaults().withMaxAttempts(7));

    try (Connection listening = DB.database().dataSource().getConnection()) {
      try (Statement listen = listening.createStatement()) {
        listen.execute("LISTEN " + JdbcJobQueue.CHANNEL);
      }

      DB.transactions().atomically(() -> events.add(batch, AT, job));

      assertThat(
              DB.database()
                  .strings(
                      "SELECT queue || ' ' || type || ' ' || (payload ->> 'version') || ' '"
                          + " || (payload #>> '{data,event_id}') || ' ' || max_attempts"
                          + " || ' ' || (available_at <= now()) FROM jobs ORDER BY 1"))
          .containsExactly(
              "default test.process 2 evt_a 7 true", "default test.process 2 evt_b 7 true");
      PGNotification[] arrived = listening.unwrap(PGConnection.class).getNotifications(1000);
      assertThat(arrived).extracting(PGNotification::getParameter).containsExactly("default");
    }
  }

  @Override
  protected void processingJobGone(WebhookEventKey key) {
    DB.database()
        .execute(
            "DELETE FROM jobs WHERE unique_key = '"
                + key.processingJobKey().replace("'", "''")
                + "'");
  }

  @Override
  protected UnitOfWorkPort transactions() {
    return DB.transactions();
  }

  @Test
  void twoReconcilersAtOnceNeverTakeTheSameEvent() throws Exception {
    JdbcWebhookEventRepository events = repository();
    DB.database().execute("DELETE FROM webhook_events");
    for (int i = 0; i < 4; i++) {
      String id = "evt_" + i;
      DB.transactions()
          .atomically(
              () ->
                  events.add(
                      List.of(
                          new VerifiedNotification(
                              PaymentProvider.STRIPE, id, "invoice.paid", AT, "{}")),
                      AT,
                      JdbcWebhookEventRepositoryIT::unkeyedJob));
    }
    Instant later = AT.plus(Duration.ofHours(1));
    CountDownLatch firstHoldsItsLocks = new CountDownLatch(1);
    CountDownLatch secondLooked = new CountDownLatch(1);
    ExecutorService first = Executors.newSingleThreadExecutor();
    try {
      Future<List<StalledWebhookEvent>> firstTook =
          first.submit(
              () ->
                  DB.transactions()
                      .atomically(
                          () -> {
                            List<StalledWebhookEvent> mine = events.lockStalled(later, later, 2);
                            firstHoldsItsLocks.countDown();
                            await(secondLooked);
                            return mine;
                          }));
      await(firstHoldsItsLocks);
      List<StalledWebhookEvent> secondTook =
          DB.transactions().atomically(() -> events.lockStalled(later, later, 10));
      secondLooked.countDown();

      assertThat(firstTook.get())
          .extracting(stalled -> stalled.key().eventId())
          .containsExactly("evt_0", "evt_1");
      assertThat(secondTook)
          .extracting(stalled -> stalled.key().eventId())
          .containsExactlyInAnyOrder("evt_2", "evt_3");
    } finally {
      first.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A processing job without a unique key: it leaves its event looking stalled to reconcilers. */
  private static NewJob unkeyedJob(VerifiedNotification notification) {
    return new NewJob(
        JobType.of("test.process"),
        JobPayload.of(1, Map.of("event_id", notification.eventId())),
        JobOptions.defaults());
  }

  private static JdbcWebhookEventRepository repository() {
    return new JdbcWebhookEventRepository(DB.transactions().dataSource());
  }

  @Test
  void keepsThePayloadsMeaningInJsonbsOwnForm() {
    JdbcWebhookEventRepository events = repository();
    DB.database().execute("DELETE FROM webhook_events");
    String sent = "{ \"type\":\"invoice.paid\",\n  \"id\" : \"evt_9\", \"n\": 1.50 }";

    DB.transactions()
        .atomically(
            () ->
                events.add(
                    List.of(
                        new VerifiedNotification(
                            PaymentProvider.STRIPE, "evt_9", "invoice.paid", AT, sent)),
                    AT,
                    JdbcWebhookEventRepositoryIT::unkeyedJob));

    assertThat(
            DB.transactions()
                .readOnly(() -> events.find(PaymentProvider.STRIPE, "evt_9"))
                .orElseThrow())
        .extracting(stored -> stored.notification().payload())
        .isEqualTo("{\"n\": 1.50, \"id\": \"evt_9\", \"type\": \"invoice.paid\"}");
  }

  @Test
  void refusesToMarkANotificationItDoesNotStore() {
    JdbcWebhookEventRepository events = repository();

    assertThatThrownBy(
            () ->
                DB.transactions()
                    .atomically(
                        () -> {
                          events.markProcessed(
                              PaymentProvider.APPLE, "never", AT, Optional.empty());
                          return null;
                        }))
        .isInstanceOf(IllegalStateException.class);
  }
}
