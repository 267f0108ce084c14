package app.huberman.adapters.push.fcm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.subscription.port.out.PushMessage;
import app.huberman.application.subscription.port.out.PushResult;
import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.user.DeviceToken;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The FCM client against a WireMock fake of the HTTP v1 API and its error shapes. */
class FcmPushTest {

  private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
  private static final PushMessage ENDING =
      new PushMessage(
          42,
          NoticeKind.PREMIUM_ENDING,
          PaymentProvider.GOOGLE,
          Optional.of(Instant.parse("2026-12-10T08:00:00Z")));
  private static final DeviceToken TOKEN = DeviceToken.of("fcm:token-of-a-phone");

  private static FakeFcm fcm;

  private final CountingTokens tokens = new CountingTokens();
  private FcmPush push;

  @BeforeAll
  static void start() {
    fcm = FakeFcm.start();
  }

  @AfterAll
  static void stop() {
    fcm.close();
  }

  @BeforeEach
  void reset() {
    fcm.reset();
    push = FcmPush.create(fcm.settings(), tokens, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void anAcceptedPushIsAMessageForTheTokenWithTheWordingDataAndCollapseKey() {
    assertThat(push.push(TOKEN, ENDING)).isEqualTo(PushResult.accepted("fcm"));

    LoggedRequest request = fcm.pushes().getFirst();
    assertThat(request.getHeader("Authorization")).isEqualTo("Bearer access-1");
    JsonObject message =
        Json.createReader(new StringReader(request.getBodyAsString()))
            .readObject()
            .getJsonObject("message");
    assertThat(message.getString("token")).isEqualTo(TOKEN.value());
    assertThat(message.getJsonObject("notification").getString("title"))
        .isEqualTo("Premium ends December 10");
    assertThat(message.getJsonObject("notification").getString("body"))
        .contains("through Google Play");
    assertThat(message.getJsonObject("data").getString("kind")).isEqualTo("premium_ending");
    assertThat(message.getJsonObject("data").getString("notice")).isEqualTo("42");
    assertThat(message.getJsonObject("android").getString("collapse_key")).isEqualTo("notice-42");
  }

  @Test
  void aDeadTokenIsSaidToBeInvalid() {
    fcm.unregister(TOKEN.value());
    fcm.answerFirst("other", FakeFcm.error(403, "PERMISSION_DENIED", "SENDER_ID_MISMATCH"));

    assertThat(push.push(TOKEN, ENDING)).isEqualTo(PushResult.tokenInvalid("fcm", "UNREGISTERED"));
    assertThat(push.push(DeviceToken.of("other"), ENDING))
        .isEqualTo(PushResult.tokenInvalid("fcm", "SENDER_ID_MISMATCH"));
  }

  @Test
  void anInvalidArgumentIsAboutTheTokenOnlyWhenFcmSaysSo() {
    fcm.answerFirst(
        "garbled",
        aResponse()
            .withStatus(400)
            .withBody(
                """
                {"error":{"code":400,"status":"INVALID_ARGUMENT","details":[\
                {"@type":"type.googleapis.com/google.rpc.BadRequest","fieldViolations":[\
                {"field":"message.token","description":"Invalid registration token"}]}]}}"""));
    fcm.answerFirst("fine", FakeFcm.error(400, "INVALID_ARGUMENT", "INVALID_ARGUMENT"));

    assertThat(push.push(DeviceToken.of("garbled"), ENDING))
        .isEqualTo(PushResult.tokenInvalid("fcm", "INVALID_ARGUMENT"));
    assertThat(push.push(DeviceToken.of("fine"), ENDING))
        .isEqualTo(PushResult.refused("fcm", "INVALID_ARGUMENT"));
  }

  @Test
  void throttlingAndOutagesAreRetriedNoSoonerThanFcmAsks() {
    fcm.answerFirst(
        TOKEN.value(),
        FakeFcm.throttled(30),
        FakeFcm.error(503, "UNAVAILABLE", "UNAVAILABLE"),
        FakeFcm.error(500, "INTERNAL", "INTERNAL")
            .withHeader("Retry-After", "Mon, 07 Dec 2026 12:02:00 GMT"),
        FakeFcm.throttled(86_400));

    assertThat(push.push(TOKEN, ENDING))
        .isEqualTo(
            PushResult.retryLater("fcm", "QUOTA_EXCEEDED", Optional.of(Duration.ofSeconds(30))));
    assertThat(push.push(TOKEN, ENDING))
        .isEqualTo(PushResult.retryLater("fcm", "UNAVAILABLE", Optional.empty()));
    assertThat(push.push(TOKEN, ENDING))
        .isEqualTo(PushResult.retryLater("fcm", "INTERNAL", Optional.of(Duration.ofMinutes(2))));
    assertThat(push.push(TOKEN, ENDING).retryAfter())
        .as("at most an hour")
        .contains(Duration.ofHours(1));
    assertThat(push.push(TOKEN, ENDING)).isEqualTo(PushResult.accepted("fcm"));
  }

  @Test
  void aRefusedAccessTokenIsForgottenAndTheNextAttemptFetchesAnother() {
    fcm.answerFirst(TOKEN.value(), FakeFcm.error(401, "UNAUTHENTICATED", "THIRD_PARTY_AUTH_ERROR"));

    assertThat(push.push(TOKEN, ENDING).outcome()).isEqualTo(PushResult.Outcome.RETRY_LATER);
    assertThat(push.push(TOKEN, ENDING)).isEqualTo(PushResult.accepted("fcm"));

    assertThat(fcm.pushes())
        .extracting(request -> request.getHeader("Authorization"))
        .containsExactly("Bearer access-1", "Bearer access-2");
  }

  @Test
  void noAccessTokenNoAnswerOrAnUnreadableAnswerIsRetriedLater() {
    tokens.failing = true;
    assertThat(push.push(TOKEN, ENDING))
        .isEqualTo(PushResult.retryLater("fcm", "oauth", Optional.empty()));
    tokens.failing = false;

    fcm.answerFirst(TOKEN.value(), aResponse().withStatus(502).withBody("<html>Bad gateway"));
    assertThat(push.push(TOKEN, ENDING))
        .isEqualTo(PushResult.retryLater("fcm", "HTTP502", Optional.empty()));

    FcmPush nowhere =
        FcmPush.create(
            new FcmSettings(FakeFcm.PROJECT, URI.create("http://127.0.0.1:1")),
            tokens,
            Clock.systemUTC());
    assertThat(nowhere.push(TOKEN, ENDING))
        .isEqualTo(PushResult.retryLater("fcm", "unreachable", Optional.empty()));
  }

  @Test
  void theProjectIdAndUrlAreChecked() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new FcmSettings("../other", FcmSettings.DEFAULT_API_URL))
        .hasMessageContaining("FCM_PROJECT_ID");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> new FcmSettings("huberman-app", URI.create("file:///etc")))
        .hasMessageContaining("FCM_API_URL");
    assertThat(new FcmSettings("huberman-app", URI.create("https://fcm.example/")).sendUrl())
        .hasToString("https://fcm.example/v1/projects/huberman-app/messages:send");
  }

  /** Hands out access-1, access-2, … a new one after each invalidation. */
  private static final class CountingTokens implements FcmAccessTokens {
    private int issued = 1;
    boolean failing;

    @Override
    public String token() {
      if (failing) {
        throw new IllegalStateException("Google's token endpoint is down");
      }
      return "access-" + issued;
    }

    @Override
    public void invalidate() {
      issued++;
    }
  }
}
