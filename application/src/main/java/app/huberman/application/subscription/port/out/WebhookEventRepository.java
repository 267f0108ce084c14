package app.huberman.application.subscription.port.out;

import app.huberman.application.job.port.out.NewJob;
import app.huberman.domain.subscription.PaymentProvider;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** The durable inbox of provider notifications ({@code webhook_events}). */
public interface WebhookEventRepository {

  /**
   * Stores each notification whose provider and event id is not stored already, all received at the
   * same time, and enqueues the job {@code processingJob} makes of each one it stored, in the
   * current unit of work: a stored notification always has its job, a duplicate never gets one. Two
   * notifications with the same key in the list store the first. Concurrent calls with the same key
   * store exactly one.
   *
   * @return the keys this call stored (and enqueued a job for); a key missing was stored before (or
   *     earlier in the list)
   */
  Set<WebhookEventKey> add(
      List<VerifiedNotification> notifications,
      Instant receivedAt,
      Function<VerifiedNotification, NewJob> processingJob);

  Optional<StoredWebhookEvent> find(PaymentProvider provider, String eventId);

  /**
   * Marks it processed and counts the attempt.
   *
   * @param error why it could not be applied, for a notification that can never be (kept in {@code
   *     last_error}; no payload in it)
   */
  void markProcessed(PaymentProvider provider, String eventId, Instant at, Optional<String> error);

  /**
   * Deletes up to {@code limit} processed events received before {@code cutoff}.
   *
   * @return how many were deleted
   */
  int deleteProcessedBefore(Instant cutoff, int limit);

  /**
   * Locks, oldest first, up to {@code limit} unprocessed events that are due for reconciliation and
   * have no processing job queued or running (no job holds their {@link
   * WebhookEventKey#processingJobKey()}). Due: never reconciled and received before {@code
   * receivedBefore}, or reconciled before and {@code now} has reached the time {@link
   * #recordReconciliation} set. Events another transaction holds are skipped, not waited for, so
   * reconcilers running at once never share an event. The locks last until the transaction ends.
   */
  List<StalledWebhookEvent> lockStalled(Instant receivedBefore, Instant now, int limit);

  /**
   * Counts one more reconciliation of the event (its processing was enqueued again) and sets when
   * it may be reconciled next.
   *
   * @throws IllegalStateException when no such event is stored
   */
  void recordReconciliation(WebhookEventKey key, Instant nextAt);

  /** The unprocessed events of each provider that has any. */
  List<UnprocessedWebhookEvents> unprocessedByProvider();
}
