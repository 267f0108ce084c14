package app.huberman.application.subscription.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A row of {@code webhook_events}. */
public record StoredWebhookEvent(
    VerifiedNotification notification,
    Instant receivedAt,
    Optional<Instant> processedAt,
    int attempts,
    Optional<String> lastError) {

  public StoredWebhookEvent {
    Objects.requireNonNull(notification, "notification");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(processedAt, "processedAt");
    Objects.requireNonNull(lastError, "lastError");
  }

  public boolean isProcessed() {
    return processedAt.isPresent();
  }
}
