package app.huberman.adapters.payments.google;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * Keys and messages standing in for Google's, made at test time: the key Pub/Sub signs push tokens
 * with (published as a JWKS), a service account's key (written as a JSON key file), and builders
 * for push envelopes, developer notifications and Play Developer API answers.
 *
 * <pre>{@code
 * GoogleTestKeys keys = GoogleTestKeys.generate();
 * String jwks = keys.jwksJson();   // serve at GOOGLE_JWKS_URL
 * Path key = keys.writeServiceAccountKey(dir, "play@test.iam.gserviceaccount.com", tokenUri);
 * String bearer = keys.pushToken(keys.pushClaims(AUDIENCE, PUSH_ACCOUNT, now).build());
 * String body = GoogleTestKeys.pushBody("msg-1", GoogleTestKeys.subscriptionNotification(
 *     PACKAGE, 2, "token-1", "premium", now).build());
 * }</pre>
 */
public final class GoogleTestKeys {

  public static final String PUBSUB_KEY_ID = "pubsub-test-key";
  public static final String SERVICE_ACCOUNT_KEY_ID = "service-account-test-key";

  private final RSAKey pubsubKey;
  private final RSAKey serviceAccountKey;

  private GoogleTestKeys(RSAKey pubsubKey, RSAKey serviceAccountKey) {
    this.pubsubKey = pubsubKey;
    this.serviceAccountKey = serviceAccountKey;
  }

  /** Two fresh 2048-bit RSA keys. */
  public static GoogleTestKeys generate() {
    return new GoogleTestKeys(rsa(PUBSUB_KEY_ID), rsa(SERVICE_ACCOUNT_KEY_ID));
  }

  /** A fresh RSA key with the given id, e.g. to sign with a key Google never published. */
  public static RSAKey rsa(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public RSAKey pubsubKey() {
    return pubsubKey;
  }

  public RSAKey serviceAccountKey() {
    return serviceAccountKey;
  }

  /** The JWKS publishing the Pub/Sub key's public half. */
  public String jwksJson() {
    return new JWKSet(pubsubKey.toPublicJWK()).toString();
  }

  /** The claims of a valid push token issued at {@code now} for an hour. */
  public JWTClaimsSet.Builder pushClaims(String audience, String email, Instant now) {
    return new JWTClaimsSet.Builder()
        .issuer("https://accounts.google.com")
        .audience(audience)
        .subject("1234567890")
        .claim("email", email)
        .claim("email_verified", true)
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
  }

  /** A push token signed RS256 with the Pub/Sub key. */
  public String pushToken(JWTClaimsSet claims) {
    return sign(pubsubKey, claims);
  }

  /** A token signed RS256 with any key. */
  public static String sign(RSAKey key, JWTClaimsSet claims) {
    try {
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256)
                  .type(JOSEObjectType.JWT)
                  .keyID(key.getKeyID())
                  .build(),
              claims);
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A service-account JSON key file as Google Cloud issues it. */
  public String serviceAccountJson(String clientEmail, String tokenUri) {
    try {
      String pem =
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder(64, new byte[] {'\n'})
                  .encodeToString(serviceAccountKey.toRSAPrivateKey().getEncoded())
              + "\n-----END PRIVATE KEY-----\n";
      return Json.createObjectBuilder()
          .add("type", "service_account")
          .add("project_id", "huberman-tests")
          .add("private_key_id", SERVICE_ACCOUNT_KEY_ID)
          .add("private_key", pem)
          .add("client_email", clientEmail)
          .add("client_id", "1234567890")
          .add("token_uri", tokenUri)
          .build()
          .toString();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public Path writeServiceAccountKey(Path directory, String clientEmail, String tokenUri) {
    try {
      return Files.writeString(
          Files.createTempFile(directory, "service-account", ".json"),
          serviceAccountJson(clientEmail, tokenUri),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The body Pub/Sub pushes for a message carrying the notification. */
  public static String pushBody(String messageId, JsonObject developerNotification) {
    return Json.createObjectBuilder()
        .add(
            "message",
            Json.createObjectBuilder()
                .add(
                    "data",
                    Base64.getEncoder()
                        .encodeToString(
                            developerNotification.toString().getBytes(StandardCharsets.UTF_8)))
                .add("messageId", messageId)
                .add("publishTime", "2026-06-01T12:00:01.000Z"))
        .add("subscription", "projects/huberman-tests/subscriptions/play-rtdn")
        .build()
        .toString();
  }

  /** A developer notification about a subscription purchase. */
  public static JsonObjectBuilder subscriptionNotification(
      String packageName,
      int notificationType,
      String purchaseToken,
      String subscriptionId,
      Instant eventTime) {
    return notification(packageName, eventTime)
        .add(
            "subscriptionNotification",
            Json.createObjectBuilder()
                .add("version", "1.0")
                .add("notificationType", notificationType)
                .add("purchaseToken", purchaseToken)
                .add("subscriptionId", subscriptionId));
  }

  /** A developer notification that a purchase was refunded or charged back. */
  public static JsonObjectBuilder voidedNotification(
      String packageName, String purchaseToken, int productType, Instant eventTime) {
    return notification(packageName, eventTime)
        .add(
            "voidedPurchaseNotification",
            Json.createObjectBuilder()
                .add("purchaseToken", purchaseToken)
                .add("orderId", "GPA.1234-5678-9012-34567")
                .add("productType", productType)
                .add("refundType", 1));
  }

  /** The notification the Play Console sends from "Send test notification". */
  public static JsonObjectBuilder testNotification(String packageName, Instant eventTime) {
    return notification(packageName, eventTime)
        .add("testNotification", Json.createObjectBuilder().add("version", "1.0"));
  }

  /** A {@code SubscriptionPurchaseV2} as the Play Developer API answers it. */
  public static JsonObjectBuilder purchase(String state, String productId, Instant expiry) {
    return Json.createObjectBuilder()
        .add("kind", "androidpublisher#subscriptionPurchaseV2")
        .add("regionCode", "US")
        .add("startTime", "2026-05-01T12:00:00Z")
        .add("subscriptionState", state)
        .add("latestOrderId", "GPA.1234-5678-9012-34567")
        .add("acknowledgementState", "ACKNOWLEDGEMENT_STATE_ACKNOWLEDGED")
        .add(
            "lineItems",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("productId", productId)
                        .add("expiryTime", expiry.toString())
                        .add(
                            "autoRenewingPlan",
                            Json.createObjectBuilder().add("autoRenewEnabled", true))));
  }

  private static JsonObjectBuilder notification(String packageName, Instant eventTime) {
    return Json.createObjectBuilder()
        .add("version", "1.0")
        .add("packageName", packageName)
        // Play writes the millis as a string.
        .add("eventTimeMillis", Long.toString(eventTime.toEpochMilli()));
  }
}
