package app.huberman.adapters.push.apns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.subscription.port.out.PushMessage;
import app.huberman.application.subscription.port.out.PushResult;
import app.huberman.application.subscription.port.out.PushResult.Outcome;
import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.user.DeviceToken;
import com.eatthepath.pushy.apns.server.RejectionReason;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The APNs client against Pushy's mock server, over TLS and HTTP/2 on 127.0.0.1. */
class ApnsPushTest {

  private static final PushMessage PROBLEM =
      new PushMessage(7, NoticeKind.PAYMENT_PROBLEM, PaymentProvider.APPLE, Optional.empty());

  private static FakeApns apple;
  private static ApnsPush push;

  @BeforeAll
  static void start() {
    apple = FakeApns.start();
    push = ApnsPush.create(apple.settings(), Clock.systemUTC());
  }

  @AfterAll
  static void stop() {
    push.close();
    apple.close();
  }

  @Test
  void anAcceptedPushCarriesTheWordingAndTheNoticeForTheApp() {
    String token = token('a');

    assertThat(push.push(DeviceToken.of(token), PROBLEM)).isEqualTo(PushResult.accepted("apns"));

    assertThat(apple.accepted())
        .filteredOn(accepted -> accepted.token().equals(token))
        .singleElement()
        .satisfies(
            accepted ->
                assertThat(accepted.payload())
                    .contains("\"title\":\"Premium payment did not go through\"")
                    .contains("through the App Store could not be charged")
                    .contains("\"kind\":\"payment_problem\"")
                    .contains("\"provider\":\"apple\"")
                    .contains("\"notice\":\"7\""));
  }

  @Test
  void aDeadTokenIsSaidToBeInvalid() {
    apple.refuse(token('b'), RejectionReason.BAD_DEVICE_TOKEN);
    apple.unregister(token('c'));
    apple.refuse(token('d'), RejectionReason.DEVICE_TOKEN_NOT_FOR_TOPIC);

    assertThat(push.push(DeviceToken.of(token('b')), PROBLEM))
        .isEqualTo(PushResult.tokenInvalid("apns", "BadDeviceToken"));
    assertThat(push.push(DeviceToken.of(token('c')), PROBLEM))
        .isEqualTo(PushResult.tokenInvalid("apns", "Unregistered"));
    assertThat(push.push(DeviceToken.of(token('d')), PROBLEM))
        .isEqualTo(PushResult.tokenInvalid("apns", "DeviceTokenNotForTopic"));
  }

  @Test
  void throttlingAndOutagesAreWorthRetryingAndThenThePushGoesThrough() {
    String token = token('e');
    apple.refuse(
        token,
        RejectionReason.TOO_MANY_REQUESTS,
        RejectionReason.SERVICE_UNAVAILABLE,
        RejectionReason.INTERNAL_SERVER_ERROR);

    assertThat(push.push(DeviceToken.of(token), PROBLEM))
        .isEqualTo(PushResult.retryLater("apns", "TooManyRequests", Optional.empty()));
    assertThat(push.push(DeviceToken.of(token), PROBLEM))
        .isEqualTo(PushResult.retryLater("apns", "ServiceUnavailable", Optional.empty()));
    assertThat(push.push(DeviceToken.of(token), PROBLEM).outcome()).isEqualTo(Outcome.RETRY_LATER);
    assertThat(push.push(DeviceToken.of(token), PROBLEM).outcome()).isEqualTo(Outcome.ACCEPTED);
  }

  @Test
  void aRefusedProviderTokenIsRetriedForAnOperatorCanFixIt() {
    apple.refuse(token('f'), RejectionReason.INVALID_PROVIDER_TOKEN);

    assertThat(push.push(DeviceToken.of(token('f')), PROBLEM).outcome())
        .isEqualTo(Outcome.RETRY_LATER);
  }

  @Test
  void aPushAppleRefusesForItselfIsRefused() {
    apple.refuse(token('9'), RejectionReason.TOPIC_DISALLOWED);

    assertThat(push.push(DeviceToken.of(token('9')), PROBLEM))
        .isEqualTo(PushResult.refused("apns", "TopicDisallowed"));
  }

  @Test
  void aServerThatCannotBeReachedOrTrustedIsRetriedLater() {
    ApnsSettings nowhere = settings(apple.settings().privateKeyPem(), Optional.of("127.0.0.1:1"));
    ApnsSettings fake = apple.settings();
    ApnsSettings untrusted =
        new ApnsSettings(
            fake.keyId(),
            fake.teamId(),
            fake.privateKeyPem(),
            fake.topic(),
            fake.environment(),
            fake.server(),
            Optional.empty());

    try (ApnsPush closed = ApnsPush.create(nowhere, Clock.systemUTC());
        ApnsPush wary = ApnsPush.create(untrusted, Clock.systemUTC())) {
      assertThat(closed.push(DeviceToken.of(token('1')), PROBLEM))
          .isEqualTo(PushResult.retryLater("apns", "unreachable", Optional.empty()));
      assertThat(wary.push(DeviceToken.of(token('2')), PROBLEM))
          .isEqualTo(PushResult.retryLater("apns", "unreachable", Optional.empty()));
    }
    assertThat(apple.accepted()).noneMatch(accepted -> accepted.token().equals(token('2')));
  }

  @Test
  void aKeyThatIsNotAnEcKeyIsRefusedAtStartUp() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    String rsaKey = FakeApns.pem("PRIVATE KEY", rsa.generateKeyPair().getPrivate().getEncoded());

    for (String notAnApnsKey : List.of(rsaKey, "not a key at all")) {
      ApnsSettings badKey = settings(notAnApnsKey, apple.settings().server());

      assertThatThrownBy(
              () -> ApnsPush.create(badKey, Clock.fixed(Instant.EPOCH, java.time.ZoneOffset.UTC)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("APNS_PRIVATE_KEY_PEM")
          .hasMessageNotContaining(notAnApnsKey);
    }
  }

  /** The fake's settings with another key and server. */
  private static ApnsSettings settings(String keyPem, Optional<String> server) {
    ApnsSettings fake = apple.settings();
    return new ApnsSettings(
        fake.keyId(),
        fake.teamId(),
        keyPem,
        fake.topic(),
        fake.environment(),
        server,
        fake.trustedCertificatePem());
  }

  private static String token(char digit) {
    return String.valueOf(digit).repeat(64);
  }
}
