package app.huberman.adapters.payments.apple;

import static app.huberman.adapters.payments.JsonFields.epochMillis;
import static app.huberman.adapters.payments.JsonFields.number;
import static app.huberman.adapters.payments.JsonFields.object;
import static app.huberman.adapters.payments.JsonFields.requiredString;
import static app.huberman.adapters.payments.JsonFields.string;

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
import java.util.Optional;

/**
 * Reads App Store notification types, the transaction and the renewal info into what they say about
 * the subscription. The transaction's {@code originalTransactionId} names the subscription across
 * renewals, so it is the reference.
 */
final class AppleNotificationMapper {

  private static final long INTRODUCTORY_OFFER = 1;

  private AppleNotificationMapper() {}

  /**
   * @param eventId the notification's id
   * @param type the notification's type for logs
   * @param occurredAt the notification's {@code signedDate}
   */
  static Optional<ProviderEvent> map(
      AppleStoredNotification stored, String eventId, String type, Instant occurredAt) {
    String notificationType = requiredString(stored.notification(), "notificationType");
    String subtype = string(stored.notification(), "subtype").orElse("");
    Optional<Observation> observation =
        switch (notificationType) {
          case "SUBSCRIBED", "DID_RENEW" -> Optional.of(paidUp(transaction(stored)));
          case "DID_FAIL_TO_RENEW" ->
              Optional.of(
                  Observation.of(SubscriptionStatus.PAST_DUE)
                      .withGraceEnd(
                          subtype.equals("GRACE_PERIOD")
                              ? stored
                                  .renewalInfo()
                                  .flatMap(info -> epochMillis(info, "gracePeriodExpiresDate"))
                                  .orElse(occurredAt)
                              : occurredAt));
          case "GRACE_PERIOD_EXPIRED" ->
              Optional.of(Observation.of(SubscriptionStatus.EXPIRED).withEnd(occurredAt));
          case "DID_CHANGE_RENEWAL_STATUS" ->
              switch (subtype) {
                case "AUTO_RENEW_DISABLED" ->
                    Optional.of(
                        Observation.of(SubscriptionStatus.CANCELED)
                            .withEnd(expiresDate(transaction(stored)))
                            .withCancellation(occurredAt));
                case "AUTO_RENEW_ENABLED" -> Optional.of(paidUp(transaction(stored)));
                default -> Optional.empty();
              };
          case "EXPIRED" ->
              Optional.of(
                  Observation.of(SubscriptionStatus.EXPIRED)
                      .withEnd(expiresDate(transaction(stored))));
          case "REFUND", "REVOKE" ->
              Optional.of(revoked(transaction(stored)).orElse(Observation.revoked(occurredAt)));
          default -> Optional.empty();
        };
    return observation.map(
        seen -> {
          JsonObject transaction = transaction(stored);
          return event(
                  transaction, eventId, type, occurredAt, seen.withProduct(productId(transaction)))
              .in(
                  environment(transaction)
                      .or(
                          () ->
                              object(stored.notification(), "data")
                                  .flatMap(AppleNotificationMapper::environment))
                      .orElse(Environment.PRODUCTION));
        });
  }

  /**
   * What a transaction alone says: revoked, run out by {@code now}, or paid up (or in a free trial)
   * until it expires.
   */
  static Observation observeTransaction(JsonObject transaction, Instant now) {
    Optional<Observation> revoked = revoked(transaction);
    if (revoked.isPresent()) {
      return revoked.get().withProduct(productId(transaction));
    }
    Instant expires = expiresDate(transaction);
    if (!expires.isAfter(now)) {
      return Observation.of(SubscriptionStatus.EXPIRED)
          .withProduct(productId(transaction))
          .withEnd(expires);
    }
    return paidUp(transaction).withProduct(productId(transaction));
  }

  /**
   * What an entry of Get All Subscription Statuses says: its {@code status} (1 active, 2 expired, 3
   * billing retry, 4 billing grace period, 5 revoked) with the latest transaction and renewal info.
   * An active one whose auto-renewal is off runs to its expiry, as a canceled one.
   */
  static Observation observeStatus(
      long status, JsonObject transaction, Optional<JsonObject> renewal, Instant at) {
    Observation observation =
        switch ((int) status) {
          case 1 ->
              renewal.flatMap(info -> number(info, "autoRenewStatus")).orElse(1L) == 0
                  ? Observation.of(SubscriptionStatus.CANCELED).withEnd(expiresDate(transaction))
                  : paidUp(transaction);
          case 2 -> Observation.of(SubscriptionStatus.EXPIRED).withEnd(expiresDate(transaction));
          case 3 -> Observation.of(SubscriptionStatus.PAST_DUE).withGraceEnd(at);
          case 4 ->
              Observation.of(SubscriptionStatus.PAST_DUE)
                  .withGraceEnd(
                      renewal
                          .flatMap(info -> epochMillis(info, "gracePeriodExpiresDate"))
                          .orElse(at));
          case 5 -> revoked(transaction).orElse(Observation.revoked(at));
          default ->
              throw new InvalidNotificationException("Unknown App Store subscription status");
        };
    return observation.withProduct(productId(transaction));
  }

  /** An event in the transaction's own environment (Production when it names none). */
  static ProviderEvent event(
      JsonObject transaction,
      String eventId,
      String type,
      Instant occurredAt,
      Observation observation) {
    return new ProviderEvent(
        new ProviderSubscriptionRef(
            PaymentProvider.APPLE, requiredString(transaction, "originalTransactionId")),
        eventId,
        type,
        occurredAt,
        JsonFields.accountToken(string(transaction, "appAccountToken")),
        Optional.of(observation),
        environment(transaction).orElse(Environment.PRODUCTION));
  }

  /**
   * {@code environment}: {@code Sandbox} for TestFlight, App Review and sandbox testers, whose
   * purchases cost nothing. Verification has already refused any other value than the two.
   */
  private static Optional<Environment> environment(JsonObject block) {
    return string(block, "environment")
        .map(name -> name.equals("Sandbox") ? Environment.SANDBOX : Environment.PRODUCTION);
  }

  /** Active until it expires, or trialing when the period is an introductory free trial. */
  private static Observation paidUp(JsonObject transaction) {
    Instant expires = expiresDate(transaction);
    boolean freeTrial =
        number(transaction, "offerType").orElse(0L) == INTRODUCTORY_OFFER
            && string(transaction, "offerDiscountType").orElse("").equals("FREE_TRIAL");
    return freeTrial
        ? Observation.of(SubscriptionStatus.TRIALING).withTrialEnd(expires)
        : Observation.of(SubscriptionStatus.ACTIVE).withRenewal(expires);
  }

  private static Optional<Observation> revoked(JsonObject transaction) {
    return epochMillis(transaction, "revocationDate").map(Observation::revoked);
  }

  private static JsonObject transaction(AppleStoredNotification stored) {
    return stored
        .transactionInfo()
        .orElseThrow(
            () -> new InvalidNotificationException("The notification has no transaction info"));
  }

  private static Instant expiresDate(JsonObject transaction) {
    return epochMillis(transaction, "expiresDate")
        .orElseThrow(() -> new InvalidNotificationException("The transaction has no expiresDate"));
  }

  private static String productId(JsonObject transaction) {
    return string(transaction, "productId").orElse(null);
  }
}
