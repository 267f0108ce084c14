package app.huberman.adapters.push.apns;

import app.huberman.adapters.push.PushText;
import app.huberman.application.subscription.port.out.PushMessage;
import app.huberman.application.subscription.port.out.PushResult;
import app.huberman.domain.user.DeviceToken;
import com.eatthepath.pushy.apns.ApnsClient;
import com.eatthepath.pushy.apns.ApnsClientBuilder;
import com.eatthepath.pushy.apns.DeliveryPriority;
import com.eatthepath.pushy.apns.PushNotificationResponse;
import com.eatthepath.pushy.apns.PushType;
import com.eatthepath.pushy.apns.auth.ApnsSigningKey;
import com.eatthepath.pushy.apns.util.SimpleApnsPayloadBuilder;
import com.eatthepath.pushy.apns.util.SimpleApnsPushNotification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Pushes to iOS devices through one long-lived Pushy client: one HTTP/2 connection, its provider
 * token signed and renewed by Pushy. Apple's answer decides the outcome: a dead token ({@code
 * BadDeviceToken}, {@code Unregistered}, {@code DeviceTokenNotForTopic}) forgets the device; 429,
 * 5xx, a provider token Apple refused (our key or its clock: fixable, so nothing is dropped) and no
 * answer at all are retried; any other refusal is a problem with the push itself.
 */
public final class ApnsPush implements AutoCloseable {

  public static final String SERVICE = "apns";

  private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration PUSH_LIFETIME = Duration.ofDays(1);
  private static final Set<String> DEAD_TOKEN =
      Set.of("BadDeviceToken", "Unregistered", "DeviceTokenNotForTopic");
  private static final Set<String> OUR_CREDENTIALS =
      Set.of(
          "ExpiredProviderToken",
          "InvalidProviderToken",
          "MissingProviderToken",
          "TooManyProviderTokenUpdates");

  /** Apple's reasons are one CamelCase word; anything else is not passed on as a label. */
  private static final Pattern REASON = Pattern.compile("[A-Za-z]{1,40}");

  private final ApnsClient client;
  private final String topic;
  private final Clock clock;

  ApnsPush(ApnsClient client, String topic, Clock clock) {
    this.client = client;
    this.topic = topic;
    this.clock = clock;
  }

  /**
   * A client for these settings. It connects on the first push.
   *
   * @throws IllegalArgumentException when the key or the certificate cannot be read
   */
  public static ApnsPush create(ApnsSettings settings, Clock clock) {
    try {
      ApnsClientBuilder builder =
          new ApnsClientBuilder()
              .setApnsServer(settings.host(), settings.port())
              .setSigningKey(
                  ApnsSigningKey.loadFromInputStream(
                      stream(settings.privateKeyPem()), settings.teamId(), settings.keyId()))
              .setConcurrentConnections(1)
              .setConnectionTimeout(Duration.ofSeconds(5));
      if (settings.trustedCertificatePem().isPresent()) {
        builder.setTrustedServerCertificateChain(stream(settings.trustedCertificatePem().get()));
      }
      return new ApnsPush(builder.build(), settings.topic(), clock);
    } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "APNS_PRIVATE_KEY_PEM is not a PKCS#8 EC key, or the certificate is unreadable", e);
    }
  }

  /** One push, one answer within ten seconds. */
  public PushResult push(DeviceToken token, PushMessage message) {
    PushText text = PushText.of(message);
    SimpleApnsPayloadBuilder payload = new SimpleApnsPayloadBuilder();
    payload.setAlertTitle(text.title());
    payload.setAlertBody(text.body());
    text.data().forEach(payload::addCustomProperty);
    SimpleApnsPushNotification notification =
        new SimpleApnsPushNotification(
            token.value(),
            topic,
            payload.build(),
            clock.instant().plus(PUSH_LIFETIME),
            DeliveryPriority.IMMEDIATE,
            PushType.ALERT,
            message.collapseKey());
    try {
      return resultOf(
          client
              .sendNotification(notification)
              .get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    } catch (ExecutionException | TimeoutException e) {
      return PushResult.retryLater(SERVICE, "unreachable", Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PushResult.retryLater(SERVICE, "interrupted", Optional.empty());
    }
  }

  static PushResult resultOf(PushNotificationResponse<?> response) {
    if (response.isAccepted()) {
      return PushResult.accepted(SERVICE);
    }
    int status = response.getStatusCode();
    String reason =
        response
            .getRejectionReason()
            .filter(r -> REASON.matcher(r).matches())
            .orElse("HTTP" + status);
    if (DEAD_TOKEN.contains(reason) || status == 410) {
      return PushResult.tokenInvalid(SERVICE, reason);
    }
    if (status == 429 || status >= 500 || OUR_CREDENTIALS.contains(reason)) {
      return PushResult.retryLater(SERVICE, reason, Optional.empty());
    }
    return PushResult.refused(SERVICE, reason);
  }

  /** Closes the connection; pushes still waiting for an answer fail. */
  @Override
  public void close() {
    try {
      client.close().get(5, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      // Closing is best effort at shutdown: the connection goes with the process.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ByteArrayInputStream stream(String pem) {
    return new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8));
  }
}
