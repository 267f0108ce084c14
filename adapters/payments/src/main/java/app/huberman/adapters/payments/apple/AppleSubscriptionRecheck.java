package app.huberman.adapters.payments.apple;

import static app.huberman.adapters.payments.JsonFields.epochMillis;
import static app.huberman.adapters.payments.JsonFields.number;
import static app.huberman.adapters.payments.JsonFields.objects;
import static app.huberman.adapters.payments.JsonFields.requiredString;
import static app.huberman.adapters.payments.JsonFields.string;

import app.huberman.adapters.payments.ProviderHttp;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.out.ProviderRecheckPort;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Re-checks an App Store subscription with the App Store Server API. Its answer carries the latest
 * transaction and renewal info as JWS, verified exactly as a notification's (Apple's chain, our
 * bundle), so the API's word is trusted no more than a webhook's.
 */
public final class AppleSubscriptionRecheck implements ProviderRecheckPort {

  private final String bundleId;
  private final ApplePaymentProvider payloads;
  private final AppleServerApi api;

  /**
   * @throws IllegalArgumentException when no bundle id is configured: the API's token names it
   */
  public AppleSubscriptionRecheck(
      AppleSettings settings, AppleServerApiSettings apiSettings, Clock clock) {
    Objects.requireNonNull(apiSettings, "apiSettings");
    this.bundleId =
        settings
            .bundleId()
            .orElseThrow(
                () ->
                    new IllegalArgumentException("The App Store Server API needs APPLE_BUNDLE_ID"));
    this.payloads = new ApplePaymentProvider(settings, clock);
    this.api = new AppleServerApi(ProviderHttp.create(), apiSettings, bundleId, clock);
  }

  @Override
  public PaymentProvider provider() {
    return PaymentProvider.APPLE;
  }

  @Override
  public ProviderEvent recheck(ProviderSubscriptionRef subscription) {
    String original = subscription.id();
    JsonObject answer = api.subscriptionStatuses(original);
    if (!string(answer, "bundleId").orElse(bundleId).equals(bundleId)) {
      throw new InvalidNotificationException("The App Store's answer is for another app");
    }
    JsonObject entry = entryFor(answer, original);
    JsonObject transaction =
        payloads.verifyTransaction(
            string(entry, AppleStoredNotification.SIGNED_TRANSACTION)
                .orElseThrow(
                    () -> new InvalidNotificationException("The answer has no transaction")),
            bundleId);
    if (!requiredString(transaction, "originalTransactionId").equals(original)) {
      throw new InvalidNotificationException("The answer's transaction is another subscription's");
    }
    Optional<JsonObject> renewal =
        string(entry, AppleStoredNotification.SIGNED_RENEWAL)
            .map(jws -> payloads.verifyRenewal(jws, original));
    Instant signed =
        epochMillis(transaction, "signedDate")
            .orElseThrow(
                () -> new InvalidNotificationException("The transaction has no signedDate"));
    long status =
        number(entry, "status")
            .orElseThrow(() -> new InvalidNotificationException("The answer has no status"));
    return AppleNotificationMapper.event(
        transaction,
        "recheck:" + requiredString(transaction, "transactionId") + ":" + signed.toEpochMilli(),
        "RECHECK",
        signed,
        AppleNotificationMapper.observeStatus(status, transaction, renewal, signed));
  }

  /** The subscription's entry: answers list every subscription group of the customer. */
  private static JsonObject entryFor(JsonObject answer, String originalTransactionId) {
    return objects(answer, "data").stream()
        .flatMap(group -> objects(group, "lastTransactions").stream())
        .filter(
            entry ->
                string(entry, "originalTransactionId").orElse("").equals(originalTransactionId))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidNotificationException("The App Store's answer omits the subscription"));
  }
}
