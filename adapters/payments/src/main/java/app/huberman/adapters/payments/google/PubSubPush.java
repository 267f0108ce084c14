package app.huberman.adapters.payments.google;

import static app.huberman.adapters.payments.JsonFields.epochMillis;
import static app.huberman.adapters.payments.JsonFields.number;
import static app.huberman.adapters.payments.JsonFields.object;
import static app.huberman.adapters.payments.JsonFields.requiredString;
import static app.huberman.adapters.payments.JsonFields.string;
import static app.huberman.adapters.payments.JsonFields.timestamp;

import app.huberman.adapters.payments.JsonFields;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.domain.subscription.PaymentProvider;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a Pub/Sub push envelope carrying a Play {@code DeveloperNotification}. What is stored is
 * {@code {"messageId": ..., "developerNotification": {...}}}: the decoded notification, so it can
 * be interpreted later without the envelope.
 */
final class PubSubPush {

  /** Looked up once: {@code Json.create...} looks the provider up again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  static final String SUBSCRIPTION = "subscriptionNotification";
  static final String VOIDED = "voidedPurchaseNotification";
  static final String NOTIFICATION = "developerNotification";

  /** Play's subscription notification types, by number. */
  private static final Map<Long, String> SUBSCRIPTION_TYPES =
      Map.ofEntries(
          Map.entry(1L, "RECOVERED"),
          Map.entry(2L, "RENEWED"),
          Map.entry(3L, "CANCELED"),
          Map.entry(4L, "PURCHASED"),
          Map.entry(5L, "ON_HOLD"),
          Map.entry(6L, "IN_GRACE_PERIOD"),
          Map.entry(7L, "RESTARTED"),
          Map.entry(8L, "PRICE_CHANGE_CONFIRMED"),
          Map.entry(9L, "DEFERRED"),
          Map.entry(10L, "PAUSED"),
          Map.entry(11L, "PAUSE_SCHEDULE_CHANGED"),
          Map.entry(12L, "REVOKED"),
          Map.entry(13L, "EXPIRED"),
          Map.entry(20L, "PENDING_PURCHASE_CANCELED"));

  private PubSubPush() {}

  /**
   * @throws InvalidNotificationException when it is not a Play notification for {@code packageName}
   */
  static VerifiedNotification read(byte[] body, String packageName) {
    JsonObject message =
        object(JsonFields.parseObject(new String(body, StandardCharsets.UTF_8)), "message")
            .orElseThrow(() -> new InvalidNotificationException("Not a Pub/Sub push"));
    String messageId =
        string(message, "messageId")
            .or(() -> string(message, "message_id"))
            .filter(id -> !id.isBlank())
            .orElseThrow(() -> new InvalidNotificationException("The push has no messageId"));
    JsonObject notification = JsonFields.parseObject(decode(requiredString(message, "data")));
    if (!string(notification, "packageName").orElse("").equals(packageName)) {
      throw new InvalidNotificationException("The notification is for another app");
    }
    Instant occurredAt =
        epochMillis(notification, "eventTimeMillis")
            .or(() -> timestamp(message, "publishTime"))
            .orElseThrow(() -> new InvalidNotificationException("The notification has no time"));
    String stored =
        JSON.createObjectBuilder()
            .add("messageId", messageId)
            .add(NOTIFICATION, notification)
            .build()
            .toString();
    try {
      return new VerifiedNotification(
          PaymentProvider.GOOGLE, messageId, type(notification), occurredAt, stored);
    } catch (IllegalArgumentException e) {
      throw new InvalidNotificationException("The push's messageId is unusable", e);
    }
  }

  /** The stored developer notification. */
  static JsonObject storedNotification(String payload) {
    return object(JsonFields.parseObject(payload), NOTIFICATION)
        .orElseThrow(() -> new InvalidNotificationException("No developer notification stored"));
  }

  private static String type(JsonObject notification) {
    Optional<JsonObject> subscription = object(notification, SUBSCRIPTION);
    if (subscription.isPresent()) {
      requiredString(subscription.get(), "purchaseToken");
      long type =
          number(subscription.get(), "notificationType")
              .orElseThrow(() -> new InvalidNotificationException("No notificationType"));
      return "SUBSCRIPTION_" + SUBSCRIPTION_TYPES.getOrDefault(type, "TYPE_" + type);
    }
    Optional<JsonObject> voided = object(notification, VOIDED);
    if (voided.isPresent()) {
      requiredString(voided.get(), "purchaseToken");
      return "VOIDED_PURCHASE";
    }
    if (object(notification, "testNotification").isPresent()) {
      return "TEST";
    }
    if (object(notification, "oneTimeProductNotification").isPresent()) {
      return "ONE_TIME_PRODUCT";
    }
    return "UNKNOWN";
  }

  private static String decode(String data) {
    try {
      return new String(Base64.getDecoder().decode(data.strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidNotificationException("The push data is not base64", e);
    }
  }
}
