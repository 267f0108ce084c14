package app.huberman.adapters.payments.apple;

import static app.huberman.adapters.payments.apple.AppleNotificationVerificationTest.BUNDLE;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.shared.ProviderUnavailableException;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.domain.subscription.Observation;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.SubscriptionStatus;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The App Store Server API's Get All Subscription Statuses on a local WireMock server, answering
 * with JWS signed under a test CA; the API key is an EC key made here.
 */
class AppleSubscriptionRecheckTest {

  private static final Instant NOW = Instant.parse("2026-06-02T00:00:00Z");
  private static final Instant SIGNED = Instant.parse("2026-06-01T23:59:59.123Z");
  private static final Instant EXPIRES = Instant.parse("2026-07-01T12:00:00Z");
  private static final String ORIGINAL = "2000001";
  private static final String PRODUCT = "premium.monthly";
  private static final UUID USER = UUID.fromString("0b7f4c35-7a49-4b36-9a0e-2f1c3f0d4e55");
  private static final String STATUSES = "/inApps/v1/subscriptions/" + ORIGINAL;
  private static final ProviderSubscriptionRef REF =
      new ProviderSubscriptionRef(PaymentProvider.APPLE, ORIGINAL);

  private static final WireMockServer APPLE = new WireMockServer(options().dynamicPort());
  private static AppleTestCa ca;
  private static KeyPair apiKey;
  private static AppleSettings settings;
  private static AppleSubscriptionRecheck recheck;

  @BeforeAll
  static void start() throws Exception {
    APPLE.start();
    ca = AppleTestCa.issue();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    apiKey = generator.generateKeyPair();
    settings = new AppleSettings(Optional.of(BUNDLE), List.of(ca.root()));
    recheck =
        new AppleSubscriptionRecheck(
            settings,
            new AppleServerApiSettings(
                "issuer-57246542",
                "KEY2X9R4HQ",
                (ECPrivateKey) apiKey.getPrivate(),
                URI.create(APPLE.baseUrl() + "/production"),
                URI.create(APPLE.baseUrl() + "/sandbox/")),
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterAll
  static void stop() {
    APPLE.stop();
  }

  @BeforeEach
  void forgetStubs() {
    APPLE.resetAll();
  }

  @Test
  void aRenewedSubscriptionIsReadFromTheVerifiedTransactionAsAnOrdinaryEvent() {
    answer("/production", 1, transaction(), renewal());

    ProviderEvent event = recheck.recheck(REF);

    assertThat(event.subscription()).isEqualTo(REF);
    assertThat(event.eventId())
        .isEqualTo(
            "recheck:" + ORIGINAL + "-" + SIGNED.toEpochMilli() + ":" + SIGNED.toEpochMilli());
    assertThat(event.type()).isEqualTo("RECHECK");
    assertThat(event.occurredAt()).isEqualTo(SIGNED);
    assertThat(event.accountToken()).contains(USER);
    assertThat(event.observation())
        .contains(
            Observation.of(SubscriptionStatus.ACTIVE).withProduct(PRODUCT).withRenewal(EXPIRES));
  }

  @Test
  void asksWithAnEs256TokenOfOurKeyIssuerAndBundleThatLivesUnderAnHour() throws Exception {
    answer("/production", 1, transaction(), renewal());

    recheck.recheck(REF);

    List<LoggedRequest> requests =
        APPLE.findAll(getRequestedFor(urlPathEqualTo("/production" + STATUSES)));
    assertThat(requests).hasSize(1);
    String authorization = requests.getFirst().getHeader("Authorization");
    assertThat(authorization).startsWith("Bearer ");
    SignedJWT token = SignedJWT.parse(authorization.substring("Bearer ".length()));
    assertThat(token.verify(new ECDSAVerifier((ECPublicKey) apiKey.getPublic()))).isTrue();
    assertThat(token.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.ES256);
    assertThat(token.getHeader().getKeyID()).isEqualTo("KEY2X9R4HQ");
    assertThat(token.getHeader().getType()).isEqualTo(JOSEObjectType.JWT);
    assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo("issuer-57246542");
    assertThat(token.getJWTClaimsSet().getAudience()).containsExactly("appstoreconnect-v1");
    assertThat(token.getJWTClaimsSet().getStringClaim("bid")).isEqualTo(BUNDLE);
    Instant issued = token.getJWTClaimsSet().getIssueTime().toInstant();
    Instant expires = token.getJWTClaimsSet().getExpirationTime().toInstant();
    assertThat(issued).isEqualTo(NOW);
    assertThat(Duration.between(issued, expires))
        .isPositive()
        .isLessThanOrEqualTo(Duration.ofHours(1));
  }

  @Test
  void eachStatusIsReadAsItsNotificationWouldBe() {
    Instant graceEnd = EXPIRES.plus(Duration.ofDays(16));
    Instant revoked = SIGNED.minus(Duration.ofDays(2));

    assertThat(observed(2, transaction(), renewal()))
        .isEqualTo(
            Observation.of(SubscriptionStatus.EXPIRED).withProduct(PRODUCT).withEnd(EXPIRES));
    assertThat(observed(3, transaction(), renewal()))
        .isEqualTo(
            Observation.of(SubscriptionStatus.PAST_DUE).withProduct(PRODUCT).withGraceEnd(SIGNED));
    assertThat(
            observed(
                4, transaction(), renewal().add("gracePeriodExpiresDate", graceEnd.toEpochMilli())))
        .isEqualTo(
            Observation.of(SubscriptionStatus.PAST_DUE)
                .withProduct(PRODUCT)
                .withGraceEnd(graceEnd));
    assertThat(observed(5, transaction().add("revocationDate", revoked.toEpochMilli()), renewal()))
        .isEqualTo(Observation.revoked(revoked).withProduct(PRODUCT));
    assertThat(observed(1, transaction(), renewal().add("autoRenewStatus", 0)))
        .isEqualTo(
            Observation.of(SubscriptionStatus.CANCELED).withProduct(PRODUCT).withEnd(EXPIRES));
  }

  @Test
  void whatProductionDoesNotKnowIsAskedOfTheSandbox() {
    APPLE.stubFor(
        get(urlPathEqualTo("/production" + STATUSES)).willReturn(aResponse().withStatus(404)));
    answer("/sandbox", 1, transaction(), renewal());

    assertThat(recheck.recheck(REF).observation().orElseThrow().status())
        .isEqualTo(SubscriptionStatus.ACTIVE);

    APPLE.resetAll();
    APPLE.stubFor(
        get(urlPathEqualTo("/production" + STATUSES)).willReturn(aResponse().withStatus(404)));
    APPLE.stubFor(
        get(urlPathEqualTo("/sandbox" + STATUSES)).willReturn(aResponse().withStatus(404)));
    assertThatThrownBy(() -> recheck.recheck(REF))
        .isInstanceOf(InvalidNotificationException.class)
        .hasMessageContaining("does not know");
  }

  @Test
  void outagesRateLimitsAndARefusedKeyAreRetriedLater() {
    for (int status : new int[] {401, 429, 500, 503}) {
      APPLE.stubFor(
          get(urlPathEqualTo("/production" + STATUSES)).willReturn(aResponse().withStatus(status)));

      assertThatThrownBy(() -> recheck.recheck(REF))
          .as("HTTP %d", status)
          .isInstanceOf(ProviderUnavailableException.class);
    }
    APPLE.stubFor(get(urlPathEqualTo("/production" + STATUSES)).willReturn(okJson("{not json")));
    assertThatThrownBy(() -> recheck.recheck(REF)).isInstanceOf(ProviderUnavailableException.class);
  }

  @Test
  void anAnswerSignedOutsideApplesChainForAnotherAppOrAboutAnotherSubscriptionIsRefused() {
    AppleTestCa impostor = AppleTestCa.issue();
    APPLE.stubFor(
        get(urlPathEqualTo("/production" + STATUSES))
            .willReturn(
                okJson(
                    statuses(
                            entry(
                                1,
                                impostor.sign(transaction().build()),
                                ca.sign(renewal().build())))
                        .build()
                        .toString())));
    assertThatThrownBy(() -> recheck.recheck(REF)).isInstanceOf(InvalidNotificationException.class);

    answer(
        "/production",
        1,
        AppleTestCa.transaction("app.other.ios", ORIGINAL, PRODUCT, SIGNED, EXPIRES),
        renewal());
    assertThatThrownBy(() -> recheck.recheck(REF))
        .isInstanceOf(InvalidNotificationException.class)
        .hasMessageContaining("another app");

    answer("/production", 1, transaction(), AppleTestCa.renewalInfo("2000999", SIGNED));
    assertThatThrownBy(() -> recheck.recheck(REF))
        .isInstanceOf(InvalidNotificationException.class)
        .hasMessageContaining("another subscription");

    APPLE.stubFor(
        get(urlPathEqualTo("/production" + STATUSES))
            .willReturn(okJson(statuses(Json.createObjectBuilder()).build().toString())));
    assertThatThrownBy(() -> recheck.recheck(REF))
        .isInstanceOf(InvalidNotificationException.class)
        .hasMessageContaining("omits the subscription");
  }

  @Test
  void readsTheKeyFromItsPemTextOrItsFileAndNamesNeitherWhenItIsNoKey(@TempDir Path dir)
      throws Exception {
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(apiKey.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    Path file =
        Files.writeString(dir.resolve("AuthKey_KEY2X9R4HQ.p8"), pem, StandardCharsets.UTF_8);

    assertThat(AppleServerApiSettings.readPrivateKey(pem)).isEqualTo(apiKey.getPrivate());
    assertThat(AppleServerApiSettings.readPrivateKey(file.toString()))
        .isEqualTo(apiKey.getPrivate());
    assertThatThrownBy(
            () -> AppleServerApiSettings.readPrivateKey("-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("c2VjcmV0");
  }

  private Observation observed(
      long status, JsonObjectBuilder transaction, JsonObjectBuilder renewal) {
    answer("/production", status, transaction, renewal);
    return recheck.recheck(REF).observation().orElseThrow();
  }

  private static JsonObjectBuilder transaction() {
    return AppleTestCa.transaction(BUNDLE, ORIGINAL, PRODUCT, SIGNED, EXPIRES)
        .add("appAccountToken", USER.toString());
  }

  private static JsonObjectBuilder renewal() {
    return AppleTestCa.renewalInfo(ORIGINAL, SIGNED);
  }

  private static void answer(
      String environment, long status, JsonObjectBuilder transaction, JsonObjectBuilder renewal) {
    APPLE.stubFor(
        get(urlPathEqualTo(environment + STATUSES))
            .willReturn(
                okJson(
                    statuses(entry(status, ca.sign(transaction.build()), ca.sign(renewal.build())))
                        .build()
                        .toString())));
  }

  /** An answer of Get All Subscription Statuses with one group holding the given entry. */
  private static JsonObjectBuilder statuses(JsonObjectBuilder entry) {
    return Json.createObjectBuilder()
        .add("environment", "Production")
        .add("bundleId", BUNDLE)
        .add("appAppleId", 1_234_567_890L)
        .add(
            "data",
            Json.createArrayBuilder()
                .add(
                    Json.createObjectBuilder()
                        .add("subscriptionGroupIdentifier", "21345678")
                        .add("lastTransactions", Json.createArrayBuilder().add(entry))));
  }

  private static JsonObjectBuilder entry(long status, String transaction, String renewal) {
    return Json.createObjectBuilder()
        .add("originalTransactionId", ORIGINAL)
        .add("status", status)
        .add("signedTransactionInfo", transaction)
        .add("signedRenewalInfo", renewal);
  }
}
