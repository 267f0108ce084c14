package app.huberman.adapters.payments.apple;

import static app.huberman.adapters.payments.apple.AppleNotificationVerificationTest.BUNDLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.domain.subscription.ClientPurchase;
import app.huberman.domain.subscription.Environment;
import app.huberman.domain.subscription.Observation;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.SubscriptionStatus;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppleClientPurchaseTest {

  private static final Instant NOW = Instant.parse("2026-06-10T00:00:00Z");
  private static final Instant SIGNED = Instant.parse("2026-06-01T12:00:00.123Z");
  private static final Instant EXPIRES = Instant.parse("2026-07-01T12:00:00Z");
  private static final UUID USER = UUID.fromString("0b7f4c35-7a49-4b36-9a0e-2f1c3f0d4e55");

  private static AppleTestCa ca;
  private static ApplePaymentProvider apple;

  @BeforeAll
  static void issueCa(@TempDir Path dir) {
    ca = AppleTestCa.issue();
    apple =
        new ApplePaymentProvider(
            AppleSettings.fromPem(Optional.of(BUNDLE), ca.writeRootPem(dir)),
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void aVerifiedTransactionReportsAnActiveSubscriptionForTheBuyer() {
    String signed =
        ca.sign(
            AppleTestCa.transaction(BUNDLE, "2000001", "premium.annual", SIGNED, EXPIRES)
                .add("transactionId", "2000009")
                .add("appAccountToken", USER.toString())
                .build());

    ProviderEvent event = apple.verifyPurchase(new ClientPurchase.AppleTransaction(signed));

    assertThat(event.subscription())
        .isEqualTo(new ProviderSubscriptionRef(PaymentProvider.APPLE, "2000001"));
    assertThat(event.eventId()).isEqualTo("client-verify:2000009:" + SIGNED.toEpochMilli());
    assertThat(event.type()).isEqualTo("CLIENT_VERIFY");
    assertThat(event.occurredAt()).isEqualTo(SIGNED);
    assertThat(event.accountToken()).contains(USER);
    assertThat(event.observation())
        .contains(
            Observation.of(SubscriptionStatus.ACTIVE)
                .withProduct("premium.annual")
                .withRenewal(EXPIRES));
  }

  @Test
  void aSandboxTransactionIsReportedAsSandboxAndAProductionOneAsPaid() {
    ProviderEvent paid =
        apple.verifyPurchase(new ClientPurchase.AppleTransaction(ca.sign(transaction().build())));
    ProviderEvent sandbox =
        apple.verifyPurchase(
            new ClientPurchase.AppleTransaction(
                ca.sign(transaction().add("environment", "Sandbox").build())));

    assertThat(paid.environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(sandbox.environment()).isEqualTo(Environment.SANDBOX);
  }

  private static JsonObjectBuilder transaction() {
    return AppleTestCa.transaction(BUNDLE, "2000001", "premium.annual", SIGNED, EXPIRES);
  }

  @Test
  void aFreeTrialTransactionIsTrialing() {
    Observation observation =
        observe(
            AppleTestCa.transaction(BUNDLE, "2000001", "premium.annual", SIGNED, EXPIRES)
                .add("offerType", 1)
                .add("offerDiscountType", "FREE_TRIAL")
                .build());

    assertThat(observation.status()).isEqualTo(SubscriptionStatus.TRIALING);
    assertThat(observation.trialEndsAt()).contains(EXPIRES);
  }

  @Test
  void aTransactionThatHasRunOutIsExpired() {
    Instant expired = NOW.minusSeconds(1);
    Observation observation =
        observe(
            AppleTestCa.transaction(BUNDLE, "2000001", "premium.annual", SIGNED, expired).build());

    assertThat(observation.status()).isEqualTo(SubscriptionStatus.EXPIRED);
    assertThat(observation.endsAt()).contains(expired);
  }

  @Test
  void aRevokedTransactionIsRevoked() {
    Instant revoked = Instant.parse("2026-06-05T00:00:00Z");
    Observation observation =
        observe(
            AppleTestCa.transaction(BUNDLE, "2000001", "premium.annual", SIGNED, EXPIRES)
                .add("revocationDate", revoked.toEpochMilli())
                .build());

    assertThat(observation.revocation()).isTrue();
    assertThat(observation.endsAt()).contains(revoked);
  }

  @Test
  void refusesTransactionsFromAForeignCaAnotherAppOrOfAnotherKind() {
    AppleTestCa foreign = AppleTestCa.issue();

    assertRefused(
        foreign.sign(
            AppleTestCa.transaction(BUNDLE, "2000001", "premium", SIGNED, EXPIRES).build()));
    assertRefused(
        ca.sign(
            AppleTestCa.transaction("com.example.other", "2000001", "premium", SIGNED, EXPIRES)
                .build()));
    assertRefused(
        ca.sign(
            AppleTestCa.transaction(BUNDLE, "2000001", "coins.100", SIGNED, EXPIRES)
                .add("type", "Consumable")
                .build()));
    assertRefused("eyJhbGciOiJub25lIn0.e30.");
  }

  @Test
  void refusesAPurchaseMadeElsewhere() {
    assertThatThrownBy(
            () -> apple.verifyPurchase(new ClientPurchase.GooglePurchase("token", "premium")))
        .isInstanceOf(InvalidNotificationException.class);
  }

  private static Observation observe(jakarta.json.JsonObject transaction) {
    return apple
        .verifyPurchase(new ClientPurchase.AppleTransaction(ca.sign(transaction)))
        .observation()
        .orElseThrow();
  }

  private static void assertRefused(String signedTransaction) {
    assertThatThrownBy(
            () -> apple.verifyPurchase(new ClientPurchase.AppleTransaction(signedTransaction)))
        .isInstanceOf(InvalidNotificationException.class);
  }
}
