package app.huberman.adapters.payments.apple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.in.WebhookRequest;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.domain.subscription.PaymentProvider;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppleNotificationVerificationTest {

  static final String BUNDLE = "app.huberman.ios";
  static final Instant SIGNED = Instant.parse("2026-06-01T12:00:00Z");
  static final Instant EXPIRES = Instant.parse("2026-07-01T12:00:00Z");

  private static AppleTestCa ca;
  private static ApplePaymentProvider apple;

  @BeforeAll
  static void issueCa(@TempDir Path dir) {
    ca = AppleTestCa.issue();
    apple = provider(Optional.of(BUNDLE), ca.writeRootPem(dir));
  }

  @Test
  void acceptsANotificationSignedUnderTheTrustedRootAndStoresItDecoded() {
    String transaction = ca.sign(transaction().build());
    String renewal = ca.sign(AppleTestCa.renewalInfo("2000001", SIGNED).build());
    JsonObject claims =
        AppleTestCa.notification(
                "DID_FAIL_TO_RENEW",
                "GRACE_PERIOD",
                SIGNED,
                AppleTestCa.data(BUNDLE)
                    .add("signedTransactionInfo", transaction)
                    .add("signedRenewalInfo", renewal))
            .build();

    VerifiedNotification notification = apple.verify(request(ca.sign(claims)));

    assertThat(notification.provider()).isEqualTo(PaymentProvider.APPLE);
    assertThat(notification.eventId()).isEqualTo(claims.getString("notificationUUID"));
    assertThat(notification.type()).isEqualTo("DID_FAIL_TO_RENEW/GRACE_PERIOD");
    assertThat(notification.occurredAt()).isEqualTo(SIGNED);
    assertThat(notification.payload())
        .contains("\"originalTransactionId\":\"2000001\"", "\"autoRenewStatus\":1")
        .doesNotContain(transaction, renewal, "signedTransactionInfo", "signedRenewalInfo");
  }

  @Test
  void acceptsATestNotificationWithoutTransaction() {
    VerifiedNotification notification =
        apple.verify(
            request(
                ca.sign(
                    AppleTestCa.notification("TEST", null, SIGNED, AppleTestCa.data(BUNDLE))
                        .build())));

    assertThat(notification.type()).isEqualTo("TEST");
    assertThat(apple.interpret(notification)).isEmpty();
  }

  @Test
  void acceptsSandboxNotifications() {
    String signed =
        ca.sign(
            AppleTestCa.notification(
                    "TEST", null, SIGNED, AppleTestCa.data(BUNDLE).add("environment", "Sandbox"))
                .build());

    assertThat(apple.verify(request(signed)).type()).isEqualTo("TEST");
  }

  @Test
  void refusesATamperedPayload() {
    String signed = ca.sign(notification(ca.sign(transaction().build())));
    String[] parts = signed.split("\\.", -1);
    String forged =
        parts[0]
            + "."
            + Base64URL.encode(
                new Base64URL(parts[1]).decodeToString().replace("DID_RENEW", "REFUND"))
            + "."
            + parts[2];

    assertRefused(forged);
  }

  @Test
  void refusesASignatureByAKeyOtherThanTheLeafs() throws JOSEException {
    JWSObject jws =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.ES256).x509CertChain(ca.x5c()).build(),
            new Payload(notification(ca.sign(transaction().build())).toString()));
    jws.sign(new ECDSASigner(new ECKeyGenerator(Curve.P_256).generate()));

    assertRefused(jws.serialize());
  }

  @Test
  void refusesALeafWithoutTheAppStoreMarker() {
    AppleTestCa unmarked = AppleTestCa.builder().leafMarker(false).issue();

    assertRefused(
        trusting(unmarked), unmarked.sign(notification(unmarked.sign(transaction().build()))));
  }

  @Test
  void refusesAnIntermediateWithoutTheWwdrMarker() {
    AppleTestCa unmarked = AppleTestCa.builder().intermediateMarker(false).issue();

    assertRefused(
        trusting(unmarked), unmarked.sign(notification(unmarked.sign(transaction().build()))));
  }

  @Test
  void refusesAChainToAnotherRoot() {
    AppleTestCa other = AppleTestCa.issue();

    assertRefused(other.sign(notification(other.sign(transaction().build()))));
  }

  @Test
  void refusesAForeignChainThatNamesTheTrustedRoot() {
    AppleTestCa other = AppleTestCa.issue();
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.ES256)
            .x509CertChain(List.of(other.x5c().get(0), other.x5c().get(1), ca.x5c().get(2)))
            .build();

    assertRefused(other.sign(header, notification(ca.sign(transaction().build()))));
  }

  @Test
  void refusesAChainOfTwoCertificates() {
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.ES256).x509CertChain(ca.x5c().subList(0, 2)).build();

    assertRefused(ca.sign(header, notification(ca.sign(transaction().build()))));
  }

  @Test
  void refusesAlgorithmsOtherThanEs256() throws JOSEException {
    JsonObject claims = notification(ca.sign(transaction().build()));
    JWSObject hmac =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.HS256).x509CertChain(ca.x5c()).build(),
            new Payload(claims.toString()));
    hmac.sign(new MACSigner(new byte[32]));
    JWSObject rsa =
        new JWSObject(
            new JWSHeader.Builder(JWSAlgorithm.RS256).x509CertChain(ca.x5c()).build(),
            new Payload(claims.toString()));
    rsa.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));

    assertRefused(hmac.serialize());
    assertRefused(rsa.serialize());
  }

  @Test
  void refusesAnotherAppsNotificationAndTransaction() {
    String foreignTransaction =
        ca.sign(
            AppleTestCa.transaction("com.example.other", "2000001", "premium", SIGNED, EXPIRES)
                .build());
    String foreignNotification =
        ca.sign(
            AppleTestCa.notification(
                    "DID_RENEW",
                    null,
                    SIGNED,
                    AppleTestCa.data("com.example.other")
                        .add("signedTransactionInfo", ca.sign(transaction().build())))
                .build());

    assertRefused(ca.sign(notification(foreignTransaction)));
    assertRefused(foreignNotification);
  }

  @Test
  void refusesALeafThatHadExpiredWhenThePayloadWasSigned(@TempDir Path dir) {
    AppleTestCa lapsed =
        AppleTestCa.builder()
            .leafValidity(
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-01-01T00:00:00Z"))
            .issue();
    ApplePaymentProvider trustingLapsed = provider(Optional.of(BUNDLE), lapsed.writeRootPem(dir));
    Instant whileValid = Instant.parse("2024-06-01T00:00:00Z");
    String signedWhileValid =
        lapsed.sign(
            AppleTestCa.notification(
                    "DID_RENEW",
                    null,
                    whileValid,
                    AppleTestCa.data(BUNDLE)
                        .add(
                            "signedTransactionInfo",
                            lapsed.sign(
                                AppleTestCa.transaction(
                                        BUNDLE, "2000001", "premium", whileValid, EXPIRES)
                                    .build())))
                .build());

    assertThat(trustingLapsed.verify(request(signedWhileValid)).occurredAt()).isEqualTo(whileValid);
    assertRefused(trustingLapsed, lapsed.sign(notification(lapsed.sign(transaction().build()))));
  }

  @Test
  void refusesANestedTransactionSignedByAForeignCa() {
    AppleTestCa foreign = AppleTestCa.issue();

    assertRefused(ca.sign(notification(foreign.sign(transaction().build()))));
  }

  @Test
  void refusesRenewalInfoAboutAnotherSubscription() {
    String claims =
        ca.sign(
            AppleTestCa.notification(
                    "DID_RENEW",
                    null,
                    SIGNED,
                    AppleTestCa.data(BUNDLE)
                        .add("signedTransactionInfo", ca.sign(transaction().build()))
                        .add(
                            "signedRenewalInfo",
                            ca.sign(AppleTestCa.renewalInfo("9999999", SIGNED).build())))
                .build());

    assertRefused(claims);
  }

  @Test
  void refusesEnvironmentsOtherThanSandboxAndProduction() {
    assertRefused(
        ca.sign(
            AppleTestCa.notification(
                    "TEST", null, SIGNED, AppleTestCa.data(BUNDLE).add("environment", "Xcode"))
                .build()));
  }

  @Test
  void refusesBodiesThatCarryNoSignedPayload() {
    assertThatThrownBy(() -> apple.verify(rawRequest("{\"payload\":\"x\"}")))
        .isInstanceOf(InvalidNotificationException.class);
    assertThatThrownBy(() -> apple.verify(rawRequest("signedPayload=x")))
        .isInstanceOf(InvalidNotificationException.class);
    assertRefused("not.a.jws");
  }

  @Test
  void refusesEverythingWhileTheBundleIdIsUnset(@TempDir Path dir) {
    ApplePaymentProvider unconfigured = provider(Optional.empty(), ca.writeRootPem(dir));

    assertThatThrownBy(
            () ->
                unconfigured.verify(request(ca.sign(notification(ca.sign(transaction().build()))))))
        .isInstanceOf(InvalidNotificationException.class)
        .hasMessageContaining("not configured");
  }

  @Test
  void loadsEveryCertificateOfAPemFile(@TempDir Path dir) throws Exception {
    AppleTestCa other = AppleTestCa.issue();
    Path bundle =
        java.nio.file.Files.writeString(
            dir.resolve("roots.pem"), AppleTestCa.pem(other.root(), ca.root()));

    assertThat(AppleSettings.loadPem(bundle)).containsExactly(other.root(), ca.root());
    assertThat(
            provider(Optional.of(BUNDLE), bundle)
                .verify(request(ca.sign(notification(ca.sign(transaction().build())))))
                .type())
        .isEqualTo("DID_RENEW");
  }

  static JsonObject notification(String signedTransaction) {
    return AppleTestCa.notification(
            "DID_RENEW",
            null,
            SIGNED,
            AppleTestCa.data(BUNDLE).add("signedTransactionInfo", signedTransaction))
        .build();
  }

  static jakarta.json.JsonObjectBuilder transaction() {
    return AppleTestCa.transaction(BUNDLE, "2000001", "premium.monthly", SIGNED, EXPIRES);
  }

  static WebhookRequest request(String signedPayload) {
    return rawRequest(AppleTestCa.webhookBody(signedPayload));
  }

  static ApplePaymentProvider provider(Optional<String> bundle, Path pem) {
    return new ApplePaymentProvider(
        AppleSettings.fromPem(bundle, pem), Clock.fixed(SIGNED, ZoneOffset.UTC));
  }

  private static WebhookRequest rawRequest(String body) {
    return new WebhookRequest(
        body.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", List.of("application/json")));
  }

  private static ApplePaymentProvider trusting(AppleTestCa authority) {
    return new ApplePaymentProvider(
        new AppleSettings(Optional.of(BUNDLE), List.of(authority.root())),
        Clock.fixed(SIGNED, ZoneOffset.UTC));
  }

  private static void assertRefused(String signedPayload) {
    assertRefused(apple, signedPayload);
  }

  private static void assertRefused(ApplePaymentProvider provider, String signedPayload) {
    assertThatThrownBy(() -> provider.verify(request(signedPayload)))
        .isInstanceOf(InvalidNotificationException.class);
  }
}
