package app.huberman.adapters.persistence.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.persistence.MigratedDatabase;
import app.huberman.adapters.persistence.job.JdbcFailedJobRepository;
import app.huberman.adapters.persistence.job.JdbcJobQueue;
import app.huberman.application.subscription.RecordingSubscriptionEvents;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.application.subscription.service.ProcessWebhookEventHandler;
import app.huberman.application.subscription.service.ReconcileWebhookEventsHandler;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.subscription.PaymentProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 17, item 9, on the real tables: a webhook whose processing job gave up (buried, or buried
 * and pruned) is enqueued again by the reconciler, once, with its backoff recorded; one whose job
 * is still queued is left alone. Each event is stored with its real processing job, as the inbox
 * stores it, and the burial moves the job as the job store does.
 */
class WebhookReconciliationIT {

  @RegisterExtension static final MigratedDatabase DB = new MigratedDatabase("reconcile");

  private static final String PROCESS = ProcessWebhookEventHandler.TYPE.value();

  private final RecordingSubscriptionEvents events = new RecordingSubscriptionEvents();
  private JdbcWebhookEventRepository webhookEvents;
  private ReconcileWebhookEventsHandler reconciler;

  @BeforeEach
  void empty() {
    DB.database().execute("TRUNCATE webhook_events, jobs, failed_jobs");
    webhookEvents = new JdbcWebhookEventRepository(DB.transactions().dataSource());
    reconciler =
        new ReconcileWebhookEventsHandler(
            webhookEvents,
            new JdbcJobQueue(DB.transactions().dataSource()),
            new JdbcFailedJobRepository(DB.transactions().dataSource()),
            events,
            DB.transactions(),
            Clock.systemUTC());
  }

  @Test
  void enqueuesTheProcessingAgainOfEveryEventWhoseJobGaveUpAndOfNoneWhoseJobIsQueued() {
    Instant twentyMinutesAgo = Instant.now().minus(Duration.ofMinutes(20));
    store(twentyMinutesAgo, "evt_buried", "evt_pruned", "evt_queued");
    store(Instant.now(), "evt_fresh");
    buryProcessingJobOf("evt_buried");
    buryProcessingJobOf("evt_pruned");
    DB.database()
        .execute("DELETE FROM failed_jobs WHERE payload #>> '{data,event_id}' = 'evt_pruned'");
    String buriedJob = uuidOfFailedJobOf("evt_buried");
    Instant before = Instant.now();

    runReconciler();

    assertThat(
            DB.database()
                .strings(
                    "SELECT (payload #>> '{data,event_id}') || ' ' || attempts || ' ' || unique_key"
                        + " FROM jobs WHERE type = '"
                        + PROCESS
                        + "' ORDER BY 1"))
        .containsExactly(
            "evt_buried 0 webhook:stripe:evt_buried",
            "evt_fresh 0 webhook:stripe:evt_fresh",
            "evt_pruned 0 webhook:stripe:evt_pruned",
            "evt_queued 0 webhook:stripe:evt_queued");
    assertThat(
            DB.database().strings("SELECT uuid FROM jobs WHERE payload::text LIKE '%evt_buried%'"))
        .as("the buried job itself went back, fresh attempts")
        .containsExactly(buriedJob);
    assertThat(DB.database().strings("SELECT uuid FROM failed_jobs")).isEmpty();
    assertThat(
            DB.database()
                .strings(
                    "SELECT event_id || ' ' || reconciliations FROM webhook_events ORDER BY 1"))
        .containsExactly("evt_buried 1", "evt_fresh 0", "evt_pruned 1", "evt_queued 0");
    List<String> nextIn =
        DB.database()
            .strings(
                "SELECT extract(epoch FROM next_reconcile_at - '"
                    + before
                    + "'::timestamptz)::int FROM webhook_events WHERE reconciliations = 1");
    assertThat(nextIn)
        .allSatisfy(
            seconds -> assertThat(Integer.parseInt(seconds)).isBetween(30 * 60 - 5, 30 * 60 + 60));
    assertThat(events.lines())
        .containsExactlyInAnyOrder(
            "reconciled stripe evt_buried #1", "reconciled stripe evt_pruned #1");
  }

  @Test
  void aSecondRunLeavesEventsWithALiveJobAloneAndTheBackoffHoldsOnceTheJobGivesUpAgain() {
    store(Instant.now().minus(Duration.ofMinutes(20)), "evt_poison");
    buryProcessingJobOf("evt_poison");
    runReconciler();

    runReconciler();
    assertThat(countJobs()).as("its job is queued again: nothing to do").isEqualTo(1);

    buryProcessingJobOf("evt_poison");
    runReconciler();
    assertThat(countJobs()).as("buried again, but not due for 30 minutes").isZero();
    assertThat(DB.database().strings("SELECT count(*) FROM failed_jobs")).containsExactly("1");

    DB.database()
        .execute("UPDATE webhook_events SET next_reconcile_at = now() - interval '1 second'");
    runReconciler();
    assertThat(countJobs()).isEqualTo(1);
    assertThat(DB.database().strings("SELECT reconciliations FROM webhook_events"))
        .containsExactly("2");
    assertThat(
            DB.database()
                .strings(
                    "SELECT extract(epoch FROM next_reconcile_at - now())::int FROM webhook_events"))
        .as("an hour after the second reconciliation")
        .singleElement()
        .satisfies(seconds -> assertThat(Integer.parseInt(seconds)).isBetween(3500, 3600));
  }

  @Test
  void aProcessedEventIsNeverReconciledWhateverItsAgeOrJobs() {
    store(Instant.now().minus(Duration.ofDays(2)), "evt_done");
    DB.database().execute("DELETE FROM jobs");
    DB.database().execute("UPDATE webhook_events SET processed_at = now(), attempts = 1");

    runReconciler();

    assertThat(countJobs()).isZero();
    assertThat(events.lines()).isEmpty();
  }

  /** Stores the Stripe events with their real processing jobs, received at that time. */
  private void store(Instant receivedAt, String... eventIds) {
    List<VerifiedNotification> notifications =
        java.util.Arrays.stream(eventIds)
            .map(
                id ->
                    new VerifiedNotification(
                        PaymentProvider.STRIPE,
                        id,
                        "invoice.paid",
                        receivedAt.truncatedTo(ChronoUnit.SECONDS),
                        "{}"))
            .toList();
    DB.transactions()
        .atomically(
            () -> webhookEvents.add(notifications, receivedAt, ProcessWebhookEventHandler::jobFor));
  }

  /** Moves the event's processing job to the failed jobs, as the job store buries a job. */
  private static void buryProcessingJobOf(String eventId) {
    DB.database()
        .execute(
            "WITH gone AS (DELETE FROM jobs WHERE payload #>> '{data,event_id}' = '"
                + eventId
                + "' RETURNING *) INSERT INTO failed_jobs (uuid, queue, type, payload, attempts,"
                + " max_attempts, unique_key, timeout_seconds, visibility_seconds, exception)"
                + " SELECT uuid, queue, type, payload, max_attempts, max_attempts, unique_key,"
                + " timeout_seconds, visibility_seconds, 'ProviderUnavailableException' FROM gone");
  }

  private static String uuidOfFailedJobOf(String eventId) {
    return DB.database()
        .strings(
            "SELECT uuid FROM failed_jobs WHERE payload #>> '{data,event_id}' = '" + eventId + "'")
        .getFirst();
  }

  private void runReconciler() {
    DB.transactions()
        .atomically(
            () -> {
              reconciler.handle(JobPayload.empty());
              return null;
            });
  }

  private static long countJobs() {
    return Long.parseLong(
        DB.database()
            .strings("SELECT count(*) FROM jobs WHERE type = '" + PROCESS + "'")
            .getFirst());
  }
}
