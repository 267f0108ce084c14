package app.huberman.adapters.payments.apple;

import static app.huberman.adapters.payments.JsonFields.epochMillis;
import static app.huberman.adapters.payments.JsonFields.object;
import static app.huberman.adapters.payments.JsonFields.requiredString;
import static app.huberman.adapters.payments.JsonFields.string;

import app.huberman.adapters.payments.JsonFields;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.in.WebhookRequest;
import app.huberman.application.subscription.port.out.PaymentProviderPort;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.domain.subscription.ClientPurchase;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderEvent;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * App Store Server Notifications V2 and StoreKit 2 transactions reported by the app. Both are JWS
 * signed under Apple's root, so verification needs no call to Apple; a verified notification is
 * stored decoded, and interpreting it later needs no signature.
 */
public final class ApplePaymentProvider implements PaymentProviderPort {

  private static final Set<String> ENVIRONMENTS = Set.of("Production", "Sandbox");
  private static final String AUTO_RENEWABLE = "Auto-Renewable Subscription";

  private final Optional<String> bundleId;
  private final AppleJwsVerifier verifier;
  private final Clock clock;

  public ApplePaymentProvider(AppleSettings settings, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.bundleId = settings.bundleId();
    this.verifier = new AppleJwsVerifier(settings.trustAnchors());
  }

  @Override
  public PaymentProvider provider() {
    return PaymentProvider.APPLE;
  }

  @Override
  public VerifiedNotification verify(WebhookRequest request) {
    String bundle = configuredBundle();
    JsonObject body = JsonFields.parseObject(new String(request.body(), StandardCharsets.UTF_8));
    JsonObject notification =
        verifier.verify(requiredString(body, "signedPayload"), "The notification");
    checkApp(appBlock(notification), bundle, "The notification");
    Optional<JsonObject> data = object(notification, "data");
    Optional<JsonObject> transaction =
        data.flatMap(d -> string(d, AppleStoredNotification.SIGNED_TRANSACTION))
            .map(jws -> verifyTransaction(jws, bundle));
    Optional<JsonObject> renewal =
        data.flatMap(d -> string(d, AppleStoredNotification.SIGNED_RENEWAL))
            .map(jws -> verifier.verify(jws, "The renewal info"));
    renewal.ifPresent(info -> checkSameSubscription(transaction, info));
    String type = requiredString(notification, "notificationType");
    String fullType = string(notification, "subtype").map(sub -> type + "/" + sub).orElse(type);
    String payload = new AppleStoredNotification(notification, transaction, renewal).toJson();
    try {
      return new VerifiedNotification(
          PaymentProvider.APPLE,
          requiredString(notification, "notificationUUID"),
          fullType,
          signedDate(notification, "The notification"),
          payload);
    } catch (IllegalArgumentException e) {
      throw new InvalidNotificationException("The notification's id or type is unusable", e);
    }
  }

  @Override
  public Optional<ProviderEvent> interpret(VerifiedNotification notification) {
    return AppleNotificationMapper.map(
        AppleStoredNotification.fromJson(notification.payload()),
        notification.eventId(),
        notification.type(),
        notification.occurredAt());
  }

  @Override
  public ProviderEvent verifyPurchase(ClientPurchase purchase) {
    if (!(purchase instanceof ClientPurchase.AppleTransaction apple)) {
      throw new InvalidNotificationException("Not an App Store purchase");
    }
    JsonObject transaction = verifyTransaction(apple.signedTransaction(), configuredBundle());
    if (!string(transaction, "type").orElse(AUTO_RENEWABLE).equals(AUTO_RENEWABLE)) {
      throw new InvalidNotificationException("The transaction is not a subscription");
    }
    Instant signedDate = signedDate(transaction, "The transaction");
    String eventId =
        "client-verify:"
            + requiredString(transaction, "transactionId")
            + ":"
            + signedDate.toEpochMilli();
    return AppleNotificationMapper.event(
        transaction,
        eventId,
        "CLIENT_VERIFY",
        signedDate,
        AppleNotificationMapper.observeTransaction(transaction, clock.instant()));
  }

  private String configuredBundle() {
    return bundleId.orElseThrow(
        () -> new InvalidNotificationException("App Store notifications are not configured"));
  }

  JsonObject verifyTransaction(String jws, String bundle) {
    JsonObject transaction = verifier.verify(jws, "The transaction");
    checkApp(transaction, bundle, "The transaction");
    return transaction;
  }

  /** Verifies renewal info, and that it is about the given subscription. */
  JsonObject verifyRenewal(String jws, String originalTransactionId) {
    JsonObject renewal = verifier.verify(jws, "The renewal info");
    if (!string(renewal, "originalTransactionId")
        .orElse(originalTransactionId)
        .equals(originalTransactionId)) {
      throw new InvalidNotificationException("The renewal info is about another subscription");
    }
    return renewal;
  }

  /**
   * Where a notification names the app: {@code data} for subscription notifications, {@code
   * summary} for bulk renewal extensions, {@code externalPurchaseToken} for external purchases.
   */
  private static JsonObject appBlock(JsonObject notification) {
    return object(notification, "data")
        .or(() -> object(notification, "summary"))
        .or(() -> object(notification, "externalPurchaseToken"))
        .orElseThrow(() -> new InvalidNotificationException("The notification names no app"));
  }

  static void checkApp(JsonObject block, String bundle, String what) {
    if (!string(block, "bundleId").orElse("").equals(bundle)) {
      throw new InvalidNotificationException(what + " is for another app");
    }
    Optional<String> environment = string(block, "environment");
    if (environment.isPresent() && !ENVIRONMENTS.contains(environment.get())) {
      throw new InvalidNotificationException(what + " comes from an unknown environment");
    }
  }

  private static void checkSameSubscription(Optional<JsonObject> transaction, JsonObject renewal) {
    Optional<String> renewed = string(renewal, "originalTransactionId");
    Optional<String> bought = transaction.flatMap(t -> string(t, "originalTransactionId"));
    if (renewed.isPresent() && bought.isPresent() && !renewed.equals(bought)) {
      throw new InvalidNotificationException("The renewal info is about another subscription");
    }
  }

  private static Instant signedDate(JsonObject payload, String what) {
    return epochMillis(payload, "signedDate")
        .orElseThrow(() -> new InvalidNotificationException(what + " has no signedDate"));
  }
}
