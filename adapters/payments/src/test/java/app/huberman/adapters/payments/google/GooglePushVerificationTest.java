package app.huberman.adapters.payments.google;

import static app.huberman.adapters.payments.google.FakeGoogle.AUDIENCE;
import static app.huberman.adapters.payments.google.FakeGoogle.PACKAGE;
import static app.huberman.adapters.payments.google.FakeGoogle.PUSH_ACCOUNT;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.shared.ProviderUnavailableException;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.in.WebhookRequest;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.domain.subscription.PaymentProvider;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GooglePushVerificationTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:05Z");
  private static final Instant EVENT = Instant.parse("2026-06-01T12:00:00.250Z");

  private static FakeGoogle google;
  private static GooglePaymentProvider play;

  @BeforeAll
  static void start(@TempDir Path dir) {
    google = new FakeGoogle(GoogleTestKeys.generate());
    play = new GooglePaymentProvider(google.settings(dir), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterAll
  static void stop() {
    google.close();
  }

  @Test
  void acceptsAPushSignedByGoogleForUsAndStoresTheDecodedNotification() {
    VerifiedNotification notification = play.verify(request(validToken(), renewal(PACKAGE)));

    assertThat(notification.provider()).isEqualTo(PaymentProvider.GOOGLE);
    assertThat(notification.eventId()).isEqualTo("msg-1");
    assertThat(notification.type()).isEqualTo("SUBSCRIPTION_RENEWED");
    assertThat(notification.occurredAt()).isEqualTo(EVENT);
    assertThat(notification.payload())
        .contains("\"messageId\":\"msg-1\"", "\"purchaseToken\":\"token-1\"")
        .doesNotContain("\"data\"");
  }

  @Test
  void namesEverySubscriptionNotificationType() {
    assertThat(typeOf(4)).isEqualTo("SUBSCRIPTION_PURCHASED");
    assertThat(typeOf(12)).isEqualTo("SUBSCRIPTION_REVOKED");
    assertThat(typeOf(20)).isEqualTo("SUBSCRIPTION_PENDING_PURCHASE_CANCELED");
    assertThat(typeOf(99)).isEqualTo("SUBSCRIPTION_TYPE_99");
  }

  @Test
  void acknowledgesTestAndOneTimeProductNotifications() {
    VerifiedNotification test =
        play.verify(request(validToken(), GoogleTestKeys.testNotification(PACKAGE, EVENT).build()));

    assertThat(test.type()).isEqualTo("TEST");
    assertThat(play.interpret(test)).isEmpty();
  }

  @Test
  void refusesATokenForAnotherAudience() {
    assertRefused(
        google.keys.pushToken(
            google.keys.pushClaims("https://evil.example/push", PUSH_ACCOUNT, NOW).build()));
  }

  @Test
  void refusesATokenOfAnotherServiceAccountOrAnUnverifiedEmail() {
    assertRefused(
        google.keys.pushToken(
            google
                .keys
                .pushClaims(AUDIENCE, "someone@huberman-tests.iam.gserviceaccount.com", NOW)
                .build()));
    assertRefused(
        google.keys.pushToken(
            google
                .keys
                .pushClaims(AUDIENCE, PUSH_ACCOUNT, NOW)
                .claim("email_verified", false)
                .build()));
  }

  @Test
  void refusesATokenNotIssuedByGoogle() {
    assertRefused(
        google.keys.pushToken(
            google
                .keys
                .pushClaims(AUDIENCE, PUSH_ACCOUNT, NOW)
                .issuer("https://evil.example")
                .build()));
  }

  @Test
  void refusesAnExpiredTokenButToleratesAMinuteOfSkew() {
    String expired =
        google.keys.pushToken(
            google
                .keys
                .pushClaims(AUDIENCE, PUSH_ACCOUNT, NOW.minusSeconds(3600))
                .expirationTime(Date.from(NOW.minusSeconds(61)))
                .build());
    String justExpired =
        google.keys.pushToken(
            google
                .keys
                .pushClaims(AUDIENCE, PUSH_ACCOUNT, NOW.minusSeconds(3600))
                .expirationTime(Date.from(NOW.minusSeconds(30)))
                .build());

    assertRefused(expired);
    assertThat(play.verify(request(justExpired, renewal(PACKAGE))).eventId()).isEqualTo("msg-1");
  }

  @Test
  void refusesATokenSignedByAKeyGoogleDidNotPublish() {
    JWTClaimsSet claims = google.keys.pushClaims(AUDIENCE, PUSH_ACCOUNT, NOW).build();

    assertRefused(GoogleTestKeys.sign(GoogleTestKeys.rsa("unknown-key"), claims));
    assertRefused(GoogleTestKeys.sign(GoogleTestKeys.rsa(GoogleTestKeys.PUBSUB_KEY_ID), claims));
  }

  @Test
  void refusesUnsignedAndHmacTokens() throws JOSEException {
    JWTClaimsSet claims = google.keys.pushClaims(AUDIENCE, PUSH_ACCOUNT, NOW).build();
    SignedJWT hmac =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(GoogleTestKeys.PUBSUB_KEY_ID).build(),
            claims);
    hmac.sign(new MACSigner(google.keys.jwksJson().getBytes(StandardCharsets.UTF_8)));

    assertRefused(new PlainJWT(claims).serialize());
    assertRefused(hmac.serialize());
  }

  @Test
  void refusesPushesWithoutABearerToken() {
    byte[] body =
        GoogleTestKeys.pushBody("msg-1", renewal(PACKAGE)).getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> play.verify(new WebhookRequest(body, Map.of())))
        .isInstanceOf(InvalidNotificationException.class);
    assertThatThrownBy(
            () ->
                play.verify(
                    new WebhookRequest(
                        body, Map.of("Authorization", List.of("Basic " + validToken())))))
        .isInstanceOf(InvalidNotificationException.class);
  }

  @Test
  void refusesANotificationForAnotherPackage() {
    assertThatThrownBy(() -> play.verify(request(validToken(), renewal("com.example.other"))))
        .isInstanceOf(InvalidNotificationException.class)
        .hasMessageContaining("another app");
  }

  @Test
  void refusesEnvelopesThatCarryNoNotification() {
    WebhookRequest notBase64 =
        new WebhookRequest(
            """
            {"message":{"data":"%%%","messageId":"msg-1"}}"""
                .getBytes(StandardCharsets.UTF_8),
            Map.of("Authorization", List.of("Bearer " + validToken())));

    assertThatThrownBy(() -> play.verify(notBase64))
        .isInstanceOf(InvalidNotificationException.class);
  }

  @Test
  void refusesEverythingWhileThePushIdentityIsUnset(@TempDir Path dir) {
    GoogleSettings configured = google.settings(dir);
    GooglePaymentProvider unconfigured =
        new GooglePaymentProvider(
            new GoogleSettings(
                configured.packageName(),
                Optional.empty(),
                configured.pubsubServiceAccount(),
                configured.jwksUrl(),
                configured.playApiUrl(),
                configured.serviceAccount()),
            Clock.fixed(NOW, ZoneOffset.UTC));

    assertThatThrownBy(() -> unconfigured.verify(request(validToken(), renewal(PACKAGE))))
        .isInstanceOf(InvalidNotificationException.class)
        .hasMessageContaining("not configured");
  }

  @Test
  void aJwksThatCannotBeFetchedIsAnOutageNotAForgery(@TempDir Path dir) {
    google.server.stubFor(
        get(urlPathEqualTo("/broken-certs")).willReturn(aResponse().withStatus(503)));
    GoogleSettings configured = google.settings(dir);
    GooglePaymentProvider cutOff =
        new GooglePaymentProvider(
            new GoogleSettings(
                configured.packageName(),
                configured.pubsubAudience(),
                configured.pubsubServiceAccount(),
                google.url("/broken-certs"),
                configured.playApiUrl(),
                configured.serviceAccount()),
            Clock.fixed(NOW, ZoneOffset.UTC));

    assertThatThrownBy(() -> cutOff.verify(request(validToken(), renewal(PACKAGE))))
        .isInstanceOf(ProviderUnavailableException.class);
  }

  private static String typeOf(int notificationType) {
    return play.verify(
            request(
                validToken(),
                GoogleTestKeys.subscriptionNotification(
                        PACKAGE, notificationType, "token-1", "premium.monthly", EVENT)
                    .build()))
        .type();
  }

  private static JsonObject renewal(String packageName) {
    return GoogleTestKeys.subscriptionNotification(
            packageName, 2, "token-1", "premium.monthly", EVENT)
        .build();
  }

  private static String validToken() {
    return google.keys.pushToken(google.keys.pushClaims(AUDIENCE, PUSH_ACCOUNT, NOW).build());
  }

  private static WebhookRequest request(String token, JsonObject notification) {
    return new WebhookRequest(
        GoogleTestKeys.pushBody("msg-1", notification).getBytes(StandardCharsets.UTF_8),
        Map.of(
            "Authorization", List.of("Bearer " + token),
            "Content-Type", List.of("application/json")));
  }

  private static void assertRefused(String token) {
    assertThatThrownBy(() -> play.verify(request(token, renewal(PACKAGE))))
        .isInstanceOf(InvalidNotificationException.class);
  }
}
