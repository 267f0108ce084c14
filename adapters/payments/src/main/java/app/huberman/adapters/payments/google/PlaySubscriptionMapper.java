package app.huberman.adapters.payments.google;

import static app.huberman.adapters.payments.JsonFields.number;
import static app.huberman.adapters.payments.JsonFields.object;
import static app.huberman.adapters.payments.JsonFields.objects;
import static app.huberman.adapters.payments.JsonFields.requiredString;
import static app.huberman.adapters.payments.JsonFields.string;
import static app.huberman.adapters.payments.JsonFields.timestamp;

import app.huberman.adapters.payments.JsonFields;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.domain.subscription.Environment;
import app.huberman.domain.subscription.Observation;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.SubscriptionStatus;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads a Play Developer API {@code SubscriptionPurchaseV2} into an observation. The purchase's
 * {@code subscriptionState} says where it stands; its line items say until when.
 */
final class PlaySubscriptionMapper {

  private PlaySubscriptionMapper() {}

  /**
   * @param purchaseToken the token the notification or client named: the reference. When the
   *     purchase has a {@code linkedPurchaseToken} (an upgrade, downgrade or resubscription that
   *     replaced an older purchase) the reference is still this token; the older purchase ends by
   *     its own notifications.
   */
  static ProviderEvent event(
      String purchaseToken, String eventId, String type, Instant occurredAt, JsonObject purchase) {
    return new ProviderEvent(
        new ProviderSubscriptionRef(PaymentProvider.GOOGLE, purchaseToken),
        eventId,
        type,
        occurredAt,
        JsonFields.accountToken(
            object(purchase, "externalAccountIdentifiers")
                .flatMap(ids -> string(ids, "obfuscatedExternalAccountId"))),
        Optional.of(observe(purchase, occurredAt)),
        environment(purchase));
  }

  /**
   * A license tester's purchase costs nothing: {@code subscriptionsv2} marks it with a {@code
   * testPurchase} object (the older API with {@code purchaseType} 0, read too in case an answer
   * carries it).
   */
  static Environment environment(JsonObject purchase) {
    boolean test =
        object(purchase, "testPurchase").isPresent()
            || number(purchase, "purchaseType").filter(type -> type == 0).isPresent();
    return test ? Environment.SANDBOX : Environment.PRODUCTION;
  }

  /** Whether one of the purchase's line items is the product. */
  static boolean includesProduct(JsonObject purchase, String productId) {
    return lineItems(purchase).stream()
        .anyMatch(item -> string(item, "productId").orElse("").equals(productId));
  }

  static Observation observe(JsonObject purchase, Instant occurredAt) {
    String state = requiredString(purchase, "subscriptionState");
    Instant expiry = expiry(purchase).orElse(null);
    Observation observation =
        switch (state) {
          case "SUBSCRIPTION_STATE_ACTIVE" ->
              Observation.of(SubscriptionStatus.ACTIVE).withRenewal(expiry);
          case "SUBSCRIPTION_STATE_IN_GRACE_PERIOD" ->
              Observation.of(SubscriptionStatus.PAST_DUE).withGraceEnd(expiry);
          case "SUBSCRIPTION_STATE_ON_HOLD" ->
              Observation.of(SubscriptionStatus.PAST_DUE).withGraceEnd(occurredAt);
          case "SUBSCRIPTION_STATE_PAUSED", "SUBSCRIPTION_STATE_PENDING_PURCHASE_CANCELED" ->
              Observation.of(SubscriptionStatus.EXPIRED).withEnd(occurredAt);
          case "SUBSCRIPTION_STATE_CANCELED" ->
              Observation.of(SubscriptionStatus.CANCELED)
                  .withEnd(expiry)
                  .withCancellation(cancelTime(purchase).orElse(occurredAt));
          case "SUBSCRIPTION_STATE_EXPIRED" ->
              Observation.of(SubscriptionStatus.EXPIRED).withEnd(expiry);
          case "SUBSCRIPTION_STATE_PENDING" -> Observation.of(SubscriptionStatus.INCOMPLETE);
          default ->
              throw new InvalidNotificationException("Unknown Play subscription state " + state);
        };
    return observation.withProduct(
        lineItems(purchase).stream()
            .findFirst()
            .flatMap(item -> string(item, "productId"))
            .orElse(null));
  }

  private static List<JsonObject> lineItems(JsonObject purchase) {
    return objects(purchase, "lineItems");
  }

  /** The latest line item expiry: a purchase with add-ons runs until its last item ends. */
  private static Optional<Instant> expiry(JsonObject purchase) {
    return lineItems(purchase).stream()
        .map(item -> timestamp(item, "expiryTime"))
        .flatMap(Optional::stream)
        .max(Comparator.naturalOrder());
  }

  /** Only a cancellation by the user carries a time; the system's and the developer's do not. */
  private static Optional<Instant> cancelTime(JsonObject purchase) {
    return object(purchase, "canceledStateContext")
        .flatMap(context -> object(context, "userInitiatedCancellation"))
        .flatMap(user -> timestamp(user, "cancelTime"));
  }
}
