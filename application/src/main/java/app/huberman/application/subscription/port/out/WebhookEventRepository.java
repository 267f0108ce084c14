package app.huberman.application.subscription.port.out;

import app.huberman.domain.subscription.PaymentProvider;
import java.time.Instant;
import java.util.Optional;

/** The durable inbox of provider notifications ({@code webhook_events}). */
public interface WebhookEventRepository {

  /**
   * Stores the notification unless one with the same provider and event id is stored already.
   * Concurrent calls with the same id store exactly one.
   *
   * @return whether this call stored it
   */
  boolean addIfAbsent(VerifiedNotification notification, Instant receivedAt);

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
}
