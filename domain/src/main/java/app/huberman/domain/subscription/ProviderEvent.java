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
 * @param environment whether the purchase the event is about was paid for, as the provider marks it
 *     (App Store {@code environment}, Play {@code testPurchase}); an event that does not say (a
 *     Play voided purchase) is {@code PRODUCTION}, and the subscription remembers a sandbox mark
 */
public record ProviderEvent(
    ProviderSubscriptionRef subscription,
    String eventId,
    String type,
    Instant occurredAt,
    Optional<UUID> accountToken,
    Optional<Observation> observation,
    Environment environment) {

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
    Objects.requireNonNull(environment, "environment");
    if (eventId.isBlank()) {
      throw new IllegalArgumentException("A provider event needs an id");
    }
  }

  /** An event about a paid purchase. */
  public ProviderEvent(
      ProviderSubscriptionRef subscription,
      String eventId,
      String type,
      Instant occurredAt,
      Optional<UUID> accountToken,
      Optional<Observation> observation) {
    this(
        subscription, eventId, type, occurredAt, accountToken, observation, Environment.PRODUCTION);
  }

  /** The same event, about a purchase in that environment. */
  public ProviderEvent in(Environment purchaseEnvironment) {
    return new ProviderEvent(
        subscription, eventId, type, occurredAt, accountToken, observation, purchaseEnvironment);
  }

  public boolean isSandbox() {
    return environment == Environment.SANDBOX;
  }
}
