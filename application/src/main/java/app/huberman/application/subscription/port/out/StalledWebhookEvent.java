package app.huberman.application.subscription.port.out;

import java.time.Instant;
import java.util.Objects;

/**
 * An unprocessed notification that no processing job is queued or running for: its job gave up (or
 * was forgotten), so nothing will apply it unless it is enqueued again.
 *
 * @param reconciliations how often its processing was enqueued again before
 */
public record StalledWebhookEvent(
    WebhookEventKey key, String type, Instant receivedAt, int reconciliations) {

  public StalledWebhookEvent {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (reconciliations < 0) {
      throw new IllegalArgumentException("Reconciliations cannot be negative: " + reconciliations);
    }
  }
}
