package app.huberman.adapters.payments.apple;

import static app.huberman.adapters.payments.JsonFields.object;

import app.huberman.adapters.payments.JsonFields;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Objects;
import java.util.Optional;

/**
 * What is kept of a verified App Store notification: its decoded claims and the decoded transaction
 * and renewal info it carried, so it can be interpreted later without the signatures (and without
 * storing them). Shape: {@code {"notification": {...}, "transactionInfo": {...}, "renewalInfo":
 * {...}}}; the notification's {@code data} keeps everything but the two signed fields.
 */
record AppleStoredNotification(
    JsonObject notification,
    Optional<JsonObject> transactionInfo,
    Optional<JsonObject> renewalInfo) {

  /** Looked up once: {@code Json.create...} looks the provider up again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  static final String SIGNED_TRANSACTION = "signedTransactionInfo";
  static final String SIGNED_RENEWAL = "signedRenewalInfo";

  AppleStoredNotification {
    Objects.requireNonNull(notification, "notification");
    Objects.requireNonNull(transactionInfo, "transactionInfo");
    Objects.requireNonNull(renewalInfo, "renewalInfo");
  }

  String toJson() {
    JsonObjectBuilder stored = JSON.createObjectBuilder().add("notification", withoutSignatures());
    transactionInfo.ifPresent(info -> stored.add("transactionInfo", info));
    renewalInfo.ifPresent(info -> stored.add("renewalInfo", info));
    return stored.build().toString();
  }

  static AppleStoredNotification fromJson(String json) {
    JsonObject stored = JsonFields.parseObject(json);
    return new AppleStoredNotification(
        object(stored, "notification")
            .orElseThrow(
                () -> new InvalidNotificationException("The stored notification has no claims")),
        object(stored, "transactionInfo"),
        object(stored, "renewalInfo"));
  }

  private JsonObject withoutSignatures() {
    return object(notification, "data")
        .map(
            data ->
                JSON.createObjectBuilder(notification)
                    .add(
                        "data",
                        JSON.createObjectBuilder(data)
                            .remove(SIGNED_TRANSACTION)
                            .remove(SIGNED_RENEWAL))
                    .build())
        .orElse(notification);
  }
}
