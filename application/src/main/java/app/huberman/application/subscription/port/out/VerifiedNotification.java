package app.huberman.application.subscription.port.out;

import app.huberman.domain.subscription.PaymentProvider;
import java.time.Instant;
import java.util.Objects;

/**
 * A webhook whose authenticity has been checked, reduced to what is stored in {@code
 * webhook_events}.
 *
 * @param eventId the provider's notification id (Stripe {@code event.id}, App Store {@code
 *     notificationUUID}, Play {@code messageId}), unique per provider
 * @param type the provider's notification type, e.g. {@code invoice.paid} or {@code DID_RENEW}
 * @param occurredAt the provider's time for the notification
 * @param payload the verified content as JSON, enough for {@link
 *     PaymentProviderPort#interpret(VerifiedNotification)} to work from later without the original
 *     signature
 */
public record VerifiedNotification(
    PaymentProvider provider, String eventId, String type, Instant occurredAt, String payload) {

  public VerifiedNotification {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(payload, "payload");
    if (eventId.isBlank() || eventId.length() > 255) {
      throw new IllegalArgumentException("A notification id is 1 to 255 characters");
    }
    if (type.isBlank() || type.length() > 255) {
      throw new IllegalArgumentException("A notification type is 1 to 255 characters");
    }
  }

  /** The provider and event id, which a store keeps unique. */
  public WebhookEventKey key() {
    return new WebhookEventKey(provider, eventId);
  }
}
