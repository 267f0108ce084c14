package app.huberman.adapters.payments.google;

import static app.huberman.adapters.payments.google.FakeGoogle.PACKAGE;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.shared.MutableClock;
import app.huberman.application.shared.ProviderUnavailableException;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.domain.subscription.ClientPurchase;
import app.huberman.domain.subscription.Environment;
import app.huberman.domain.subscription.Observation;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.SubscriptionStatus;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GooglePlayInterpretationTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:05.123456Z");
  private static final Instant EVENT = Instant.parse("2026-06-01T12:00:00.250Z");
  private static final Instant EXPIRY = Instant.parse("2026-07-01T12:00:00Z");
  private static final UUID USER = UUID.fromString("0b7f4c35-7a49-4b36-9a0e-2f1c3f0d4e55");
  private static final String PRODUCT = "premium.monthly";
  private static final String TOKEN = "token-1";

  private static FakeGoogle google;
  private static GoogleSettings settings;
  private GooglePaymentProvider play;

  @BeforeAll
  static void start(@TempDir Path dir) {
    google = new FakeGoogle(GoogleTestKeys.generate());
    settings = google.settings(dir);
  }

  @AfterAll
  static void stop() {
    google.close();
  }

  @BeforeEach
  void freshProvider() {
    google.reset();
    play = new GooglePaymentProvider(settings, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void activePurchaseRenewsAtItsLatestExpiryAndNamesTheBuyer() {
    google.stubPurchase(
        TOKEN,
        GoogleTestKeys.purchase("SUBSCRIPTION_STATE_ACTIVE", PRODUCT, EXPIRY)
            .add(
                "externalAccountIdentifiers",
                Json.createObjectBuilder().add("obfuscatedExternalAccountId", USER.toString()))
            .build()
            .toString());

    ProviderEvent event = play.interpret(renewal()).orElseThrow();

    assertThat(event.subscription())
        .isEqualTo(new ProviderSubscriptionRef(PaymentProvider.GOOGLE, TOKEN));
    assertThat(event.eventId()).isEqualTo("msg-1");
    assertThat(event.type()).isEqualTo("SUBSCRIPTION_RENEWED");
    assertThat(event.occurredAt()).isEqualTo(EVENT);
    assertThat(event.accountToken()).contains(USER);
    assertThat(event.observation())
        .contains(
            Observation.of(SubscriptionStatus.ACTIVE).withProduct(PRODUCT).withRenewal(EXPIRY));
    google.server.verify(
        getRequestedFor(urlPathEqualTo(FakeGoogle.purchasePath(TOKEN)))
            .withHeader("Authorization", equalTo("Bearer " + FakeGoogle.ACCESS_TOKEN)));
  }

  @Test
  void aLicenseTestersPurchaseIsASandboxPurchaseWhetherNotifiedOrReported() {
    google.stubPurchase(
        TOKEN,
        purchase("SUBSCRIPTION_STATE_ACTIVE")
            .add("testPurchase", Json.createObjectBuilder())
            .build()
            .toString());

    assertThat(play.interpret(renewal()).orElseThrow().environment())
        .isEqualTo(Environment.SANDBOX);
    assertThat(play.verifyPurchase(new ClientPurchase.GooglePurchase(TOKEN, PRODUCT)).environment())
        .isEqualTo(Environment.SANDBOX);
  }

  @Test
  void aPurchaseWithoutTheTestMarkIsPaidAndTheOlderPurchaseTypeZeroIsATestToo() {
    google.stubPurchase(TOKEN, purchase("SUBSCRIPTION_STATE_ACTIVE").build().toString());
    assertThat(play.interpret(renewal()).orElseThrow().environment())
        .isEqualTo(Environment.PRODUCTION);

    google.stubPurchase(
        TOKEN, purchase("SUBSCRIPTION_STATE_ACTIVE").add("purchaseType", 0).build().toString());
    assertThat(play.interpret(renewal()).orElseThrow().environment())
        .isEqualTo(Environment.SANDBOX);
  }

  @Test
  void gracePeriodKeepsAccessUntilTheExtendedExpiry() {
    Observation observation = observe(purchase("SUBSCRIPTION_STATE_IN_GRACE_PERIOD"));

    assertThat(observation.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
    assertThat(observation.graceEndsAt()).contains(EXPIRY);
  }

  @Test
  void accountHoldHasNoAccess() {
    Observation observation = observe(purchase("SUBSCRIPTION_STATE_ON_HOLD"));

    assertThat(observation.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
    assertThat(observation.graceEndsAt()).contains(EVENT);
  }

  @Test
  void pausedHasNoAccess() {
    Observation observation = observe(purchase("SUBSCRIPTION_STATE_PAUSED"));

    assertThat(observation.status()).isEqualTo(SubscriptionStatus.EXPIRED);
    assertThat(observation.endsAt()).contains(EVENT);
  }

  @Test
  void canceledByTheUserRunsToTheEndOfThePaidPeriod() {
    Instant canceled = Instant.parse("2026-05-20T08:00:00Z");
    Observation observation =
        observe(
            purchase("SUBSCRIPTION_STATE_CANCELED")
                .add(
                    "canceledStateContext",
                    Json.createObjectBuilder()
                        .add(
                            "userInitiatedCancellation",
                            Json.createObjectBuilder().add("cancelTime", canceled.toString()))));

    assertThat(observation)
        .isEqualTo(
            Observation.of(SubscriptionStatus.CANCELED)
                .withProduct(PRODUCT)
                .withEnd(EXPIRY)
                .withCancellation(canceled));
  }

  @Test
  void canceledByTheSystemIsCanceledAsOfTheEvent() {
    Observation observation =
        observe(
            purchase("SUBSCRIPTION_STATE_CANCELED")
                .add(
                    "canceledStateContext",
                    Json.createObjectBuilder()
                        .add("systemInitiatedCancellation", Json.createObjectBuilder())));

    assertThat(observation.canceledAt()).contains(EVENT);
  }

  @Test
  void expiredEndedAtItsExpiry() {
    Observation observation = observe(purchase("SUBSCRIPTION_STATE_EXPIRED"));

    assertThat(observation.status()).isEqualTo(SubscriptionStatus.EXPIRED);
    assertThat(observation.endsAt()).contains(EXPIRY);
  }

  @Test
  void pendingPaymentIsIncomplete() {
    assertThat(observe(purchase("SUBSCRIPTION_STATE_PENDING")).status())
        .isEqualTo(SubscriptionStatus.INCOMPLETE);
  }

  @Test
  void aReplacingPurchaseIsStillNamedByTheNotifiedToken() {
    google.stubPurchase(
        TOKEN,
        purchase("SUBSCRIPTION_STATE_ACTIVE")
            .add("linkedPurchaseToken", "token-0")
            .build()
            .toString());

    assertThat(play.interpret(renewal()).orElseThrow().subscription().id()).isEqualTo(TOKEN);
  }

  @Test
  void anUnknownStateCannotBeInterpreted() {
    google.stubPurchase(TOKEN, purchase("SUBSCRIPTION_STATE_FROZEN").build().toString());

    assertThatThrownBy(() -> play.interpret(renewal()))
        .isInstanceOf(InvalidNotificationException.class);
  }

  @Test
  void reusesTheAccessTokenUntilShortlyBeforeItExpires() {
    google.stubPurchase(TOKEN, purchase("SUBSCRIPTION_STATE_ACTIVE").build().toString());
    MutableClock clock = new MutableClock(NOW);
    GooglePaymentProvider provider = new GooglePaymentProvider(settings, clock);

    VerifiedNotification renewal = renewal();
    provider.interpret(renewal);
    provider.interpret(renewal);
    google.server.verify(1, postRequestedFor(urlPathEqualTo(FakeGoogle.TOKEN_PATH)));

    // The fake's token lives 3599 s; it is renewed a minute before that.
    clock.advance(Duration.ofMinutes(58));
    provider.interpret(renewal);
    google.server.verify(1, postRequestedFor(urlPathEqualTo(FakeGoogle.TOKEN_PATH)));

    clock.advance(Duration.ofMinutes(1));
    provider.interpret(renewal);
    google.server.verify(2, postRequestedFor(urlPathEqualTo(FakeGoogle.TOKEN_PATH)));
    google.server.verify(4, getRequestedFor(urlPathEqualTo(FakeGoogle.purchasePath(TOKEN))));
  }

  @Test
  void asksForTheTokenWithAnAssertionSignedByTheServiceAccount()
      throws ParseException, JOSEException {
    google.stubPurchase(TOKEN, purchase("SUBSCRIPTION_STATE_ACTIVE").build().toString());

    play.interpret(renewal());

    String form =
        google
            .server
            .findAll(postRequestedFor(urlPathEqualTo(FakeGoogle.TOKEN_PATH)))
            .getFirst()
            .getBodyAsString();
    assertThat(form)
        .startsWith("grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&");
    SignedJWT assertion =
        SignedJWT.parse(
            URLDecoder.decode(
                form.substring(form.indexOf("assertion=") + 10), StandardCharsets.UTF_8));
    assertThat(
            assertion.verify(new RSASSAVerifier(google.keys.serviceAccountKey().toRSAPublicKey())))
        .isTrue();
    JWTClaimsSet claims = assertion.getJWTClaimsSet();
    assertThat(claims.getIssuer()).isEqualTo(FakeGoogle.PLAY_ACCOUNT);
    assertThat(claims.getAudience()).containsExactly(google.url(FakeGoogle.TOKEN_PATH).toString());
    assertThat(claims.getStringClaim("scope"))
        .isEqualTo("https://www.googleapis.com/auth/androidpublisher");
    assertThat(assertion.getHeader().getKeyID()).isEqualTo(GoogleTestKeys.SERVICE_ACCOUNT_KEY_ID);
    assertThat(
            Duration.between(
                claims.getIssueTime().toInstant(), claims.getExpirationTime().toInstant()))
        .isEqualTo(Duration.ofHours(1));
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 500, 503})
  void serverErrorsAndRateLimitsAreRetriedLater(int status) {
    google.stubPurchaseStatus(TOKEN, status);

    assertThatThrownBy(() -> play.interpret(renewal()))
        .isInstanceOf(ProviderUnavailableException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 404, 410})
  void aPurchaseGoogleDoesNotKnowIsNeverRetried(int status) {
    google.stubPurchaseStatus(TOKEN, status);

    assertThatThrownBy(() -> play.interpret(renewal()))
        .isInstanceOf(InvalidNotificationException.class);
  }

  @Test
  void refusedCredentialsAreRetriedWithAFreshToken() {
    google.stubPurchaseStatus(TOKEN, 401);
    assertThatThrownBy(() -> play.interpret(renewal()))
        .isInstanceOf(ProviderUnavailableException.class);

    google.stubPurchase(TOKEN, purchase("SUBSCRIPTION_STATE_ACTIVE").build().toString());
    play.interpret(renewal());

    google.server.verify(2, postRequestedFor(urlPathEqualTo(FakeGoogle.TOKEN_PATH)));
  }

  @Test
  void anUnreachableTokenEndpointOrApiIsAnOutage() {
    google.server.stubFor(post(urlPathEqualTo(FakeGoogle.TOKEN_PATH)).willReturn(serverError()));
    assertThatThrownBy(() -> play.interpret(renewal()))
        .isInstanceOf(ProviderUnavailableException.class);

    GooglePaymentProvider nowhere =
        new GooglePaymentProvider(
            new GoogleSettings(
                settings.packageName(),
                settings.pubsubAudience(),
                settings.pubsubServiceAccount(),
                settings.jwksUrl(),
                URI.create("http://127.0.0.1:9"),
                settings.serviceAccount()),
            Clock.fixed(NOW, ZoneOffset.UTC));
    VerifiedNotification renewal = renewal();
    google.reset();
    assertThatThrownBy(() -> nowhere.interpret(renewal))
        .isInstanceOf(ProviderUnavailableException.class);
  }

  @Test
  void aVoidedSubscriptionIsRevokedWithoutAskingTheApi() {
    ProviderEvent event =
        play.interpret(
                verified(GoogleTestKeys.voidedNotification(PACKAGE, TOKEN, 1, EVENT).build()))
            .orElseThrow();

    assertThat(event.subscription())
        .isEqualTo(new ProviderSubscriptionRef(PaymentProvider.GOOGLE, TOKEN));
    assertThat(event.observation()).contains(Observation.revoked(EVENT));
    assertThat(event.type()).isEqualTo("VOIDED_PURCHASE");
    google.server.verify(0, getRequestedFor(urlPathMatching("/androidpublisher/.*")));
  }

  @Test
  void aVoidedOneTimeProductIsOnlyAcknowledged() {
    assertThat(
            play.interpret(
                verified(GoogleTestKeys.voidedNotification(PACKAGE, TOKEN, 2, EVENT).build())))
        .isEmpty();
  }

  @Test
  void aReportedPurchaseIsLookedUpAndStampedWithOurTime() {
    google.stubPurchase(TOKEN, purchase("SUBSCRIPTION_STATE_ACTIVE").build().toString());

    ProviderEvent event = play.verifyPurchase(new ClientPurchase.GooglePurchase(TOKEN, PRODUCT));

    Instant millis = Instant.parse("2026-06-01T12:00:05.123Z");
    assertThat(event.eventId())
        .isEqualTo(
            "client-verify:3f08aace122ee2368432c1ca23a049bc640bafbf00fdf33a52429f38ba12dbf9:"
                + millis.toEpochMilli());
    assertThat(event.subscription().id()).isEqualTo(TOKEN);
    assertThat(event.type()).isEqualTo("CLIENT_VERIFY");
    assertThat(event.occurredAt()).isEqualTo(millis);
    assertThat(event.observation().orElseThrow().status()).isEqualTo(SubscriptionStatus.ACTIVE);
  }

  @Test
  void aRecheckAsksTheApiAboutTheTokenAndStampsTheAnswerWithOurTime() {
    google.stubPurchase(
        TOKEN,
        GoogleTestKeys.purchase("SUBSCRIPTION_STATE_EXPIRED", PRODUCT, EXPIRY).build().toString());

    ProviderEvent event = play.recheck(new ProviderSubscriptionRef(PaymentProvider.GOOGLE, TOKEN));

    Instant millis = Instant.parse("2026-06-01T12:00:05.123Z");
    assertThat(event.eventId())
        .isEqualTo(
            "recheck:3f08aace122ee2368432c1ca23a049bc640bafbf00fdf33a52429f38ba12dbf9:"
                + millis.toEpochMilli());
    assertThat(event.type()).isEqualTo("RECHECK");
    assertThat(event.occurredAt()).isEqualTo(millis);
    assertThat(event.observation())
        .contains(Observation.of(SubscriptionStatus.EXPIRED).withProduct(PRODUCT).withEnd(EXPIRY));
    google.server.verify(
        getRequestedFor(urlPathEqualTo(FakeGoogle.purchasePath(TOKEN)))
            .withHeader("Authorization", equalTo("Bearer " + FakeGoogle.ACCESS_TOKEN)));
  }

  @Test
  void aRecheckGoogleCannotAnswerIsRetriedLaterAndOneItDoesNotKnowIsRefused() {
    ProviderSubscriptionRef ref = new ProviderSubscriptionRef(PaymentProvider.GOOGLE, TOKEN);
    google.stubPurchaseStatus(TOKEN, 503);
    assertThatThrownBy(() -> play.recheck(ref)).isInstanceOf(ProviderUnavailableException.class);

    google.stubPurchaseStatus(TOKEN, 410);
    assertThatThrownBy(() -> play.recheck(ref)).isInstanceOf(InvalidNotificationException.class);
  }

  @Test
  void aReportedPurchaseOfAnotherProductIsRefused() {
    google.stubPurchase(TOKEN, purchase("SUBSCRIPTION_STATE_ACTIVE").build().toString());

    assertThatThrownBy(
            () -> play.verifyPurchase(new ClientPurchase.GooglePurchase(TOKEN, "premium.annual")))
        .isInstanceOf(InvalidNotificationException.class);
    assertThatThrownBy(() -> play.verifyPurchase(new ClientPurchase.AppleTransaction("jws")))
        .isInstanceOf(InvalidNotificationException.class);
  }

  private Observation observe(JsonObjectBuilder purchase) {
    google.stubPurchase(TOKEN, purchase.build().toString());
    return play.interpret(renewal()).flatMap(ProviderEvent::observation).orElseThrow();
  }

  private static JsonObjectBuilder purchase(String state) {
    return GoogleTestKeys.purchase(state, PRODUCT, EXPIRY);
  }

  private VerifiedNotification renewal() {
    return verified(
        GoogleTestKeys.subscriptionNotification(PACKAGE, 2, TOKEN, PRODUCT, EVENT).build());
  }

  /** Goes through verification, so interpretation reads what verification stores. */
  private VerifiedNotification verified(JsonObject developerNotification) {
    return play.verify(google.push("msg-1", developerNotification, NOW));
  }
}
