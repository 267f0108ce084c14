package app.huberman.domain.subscription;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A provider's notification about one subscription, already verified and translated into neutral
 * terms.
 *
 * @param eventId the provider's id for this notification (Stripe {@code event.id}, App Store {@code
 *     notificationUUID}, Play {@code messageId}); applying the same id twice changes nothing
 * @param type the provider's event type, for logs and metrics only
 * @param occurredAt the provider's time for the event, which orders events for one subscription
 * @param accountToken the user uuid the client handed the provider at purchase, when the event
 *     carries it
 * @param observation the subscription's state at {@code occurredAt}; empty for an event that only
 *     ties the subscription to an account (Stripe's {@code checkout.session.completed})
 */
public record ProviderEvent(
    ProviderSubscriptionRef subscription,
    String eventId,
    String type,
    Instant occurredAt,
    Optional<UUID> accountToken,
    Optional<Observation> observation) {

  /** Newer events sort later; the event id breaks ties so every order agrees on the newest. */
  public static final Comparator<ProviderEvent> CHRONOLOGICAL =
      Comparator.comparing(ProviderEvent::occurredAt).thenComparing(ProviderEvent::eventId);

  public ProviderEvent {
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Objects.requireNonNull(accountToken, "accountToken");
    Objects.requireNonNull(observation, "observation");
    if (eventId.isBlank()) {
      throw new IllegalArgumentException("A provider event needs an id");
    }
  }
}
