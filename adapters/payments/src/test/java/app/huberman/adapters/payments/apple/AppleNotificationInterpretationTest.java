package app.huberman.adapters.payments.apple;

import static app.huberman.adapters.payments.apple.AppleNotificationVerificationTest.BUNDLE;
import static app.huberman.adapters.payments.apple.AppleNotificationVerificationTest.EXPIRES;
import static app.huberman.adapters.payments.apple.AppleNotificationVerificationTest.SIGNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.domain.subscription.Environment;
import app.huberman.domain.subscription.Observation;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.SubscriptionStatus;
import jakarta.json.JsonObjectBuilder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppleNotificationInterpretationTest {

  private static final UUID USER = UUID.fromString("0b7f4c35-7a49-4b36-9a0e-2f1c3f0d4e55");
  private static final String PRODUCT = "premium.monthly";

  private static AppleTestCa ca;
  private static ApplePaymentProvider apple;

  @BeforeAll
  static void issueCa(@TempDir Path dir) {
    ca = AppleTestCa.issue();
    apple = AppleNotificationVerificationTest.provider(Optional.of(BUNDLE), ca.writeRootPem(dir));
  }

  @Test
  void subscribedIsActiveUntilItExpiresAndNamesTheBuyer() {
    VerifiedNotification notification = verify("SUBSCRIBED", "INITIAL_BUY", transaction());

    ProviderEvent event = apple.interpret(notification).orElseThrow();

    assertThat(event.subscription())
        .isEqualTo(new ProviderSubscriptionRef(PaymentProvider.APPLE, "2000001"));
    assertThat(event.eventId()).isEqualTo(notification.eventId());
    assertThat(event.type()).isEqualTo("SUBSCRIBED/INITIAL_BUY");
    assertThat(event.occurredAt()).isEqualTo(SIGNED);
    assertThat(event.accountToken()).contains(USER);
    assertThat(event.observation())
        .contains(
            Observation.of(SubscriptionStatus.ACTIVE).withProduct(PRODUCT).withRenewal(EXPIRES));
  }

  @Test
  void aSandboxTransactionMakesASandboxEventAndAProductionOneAPaidEvent() {
    assertThat(
            apple.interpret(verify("DID_RENEW", null, transaction())).orElseThrow().environment())
        .isEqualTo(Environment.PRODUCTION);
    assertThat(
            apple
                .interpret(verify("DID_RENEW", null, transaction().add("environment", "Sandbox")))
                .orElseThrow()
                .environment())
        .isEqualTo(Environment.SANDBOX);
  }

  @Test
  void aRefundWithoutTheSandboxMarkOnItsTransactionTakesTheNotificationsMark() {
    VerifiedNotification refund =
        apple.verify(
            AppleNotificationVerificationTest.request(
                ca.sign(
                    AppleTestCa.notification(
                            "REFUND",
                            null,
                            SIGNED,
                            AppleTestCa.data(BUNDLE)
                                .add("environment", "Sandbox")
                                .add(
                                    "signedTransactionInfo",
                                    ca.sign(transaction().remove("environment").build())))
                        .build())));

    assertThat(apple.interpret(refund).orElseThrow().environment()).isEqualTo(Environment.SANDBOX);
  }

  @Test
  void subscribedToAFreeTrialIsTrialingUntilItExpires() {
    Observation observation =
        observe(
            "SUBSCRIBED",
            "INITIAL_BUY",
            transaction().add("offerType", 1).add("offerDiscountType", "FREE_TRIAL"));

    assertThat(observation)
        .isEqualTo(
            Observation.of(SubscriptionStatus.TRIALING).withProduct(PRODUCT).withTrialEnd(EXPIRES));
  }

  @Test
  void anIntroductoryPriceIsNoTrial() {
    Observation observation =
        observe(
            "SUBSCRIBED",
            "RESUBSCRIBE",
            transaction().add("offerType", 1).add("offerDiscountType", "PAY_AS_YOU_GO"));

    assertThat(observation.status()).isEqualTo(SubscriptionStatus.ACTIVE);
  }

  @Test
  void renewalIsActiveUntilTheNewExpiry() {
    assertThat(observe("DID_RENEW", null, transaction()).renewsAt()).contains(EXPIRES);
  }

  @Test
  void failedRenewalInGracePeriodKeepsAccessUntilTheGraceEnds() {
    Instant graceEnd = Instant.parse("2026-06-17T12:00:00Z");
    VerifiedNotification notification =
        verify(
            "DID_FAIL_TO_RENEW",
            "GRACE_PERIOD",
            transaction(),
            AppleTestCa.renewalInfo("2000001", SIGNED)
                .add("gracePeriodExpiresDate", graceEnd.toEpochMilli())
                .add("isInBillingRetryPeriod", true));

    Observation observation =
        apple.interpret(notification).flatMap(ProviderEvent::observation).orElseThrow();

    assertThat(observation)
        .isEqualTo(
            Observation.of(SubscriptionStatus.PAST_DUE)
                .withProduct(PRODUCT)
                .withGraceEnd(graceEnd));
  }

  @Test
  void failedRenewalWithoutGracePeriodEndsAccessAtOnce() {
    Observation observation = observe("DID_FAIL_TO_RENEW", null, transaction());

    assertThat(observation.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
    assertThat(observation.graceEndsAt()).contains(SIGNED);
  }

  @Test
  void expiredGracePeriodEndsTheSubscription() {
    Observation observation = observe("GRACE_PERIOD_EXPIRED", null, transaction());

    assertThat(observation.status()).isEqualTo(SubscriptionStatus.EXPIRED);
    assertThat(observation.endsAt()).contains(SIGNED);
  }

  @Test
  void turningAutoRenewOffCancelsAtTheEndOfThePaidPeriod() {
    Observation observation =
        observe("DID_CHANGE_RENEWAL_STATUS", "AUTO_RENEW_DISABLED", transaction());

    assertThat(observation)
        .isEqualTo(
            Observation.of(SubscriptionStatus.CANCELED)
                .withProduct(PRODUCT)
                .withEnd(EXPIRES)
                .withCancellation(SIGNED));
  }

  @Test
  void turningAutoRenewBackOnMakesItActiveAgain() {
    Observation observation =
        observe("DID_CHANGE_RENEWAL_STATUS", "AUTO_RENEW_ENABLED", transaction());

    assertThat(observation.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(observation.renewsAt()).contains(EXPIRES);
  }

  @Test
  void expiredEndsWhenThePaidPeriodEnded() {
    Observation observation = observe("EXPIRED", "VOLUNTARY", transaction());

    assertThat(observation.status()).isEqualTo(SubscriptionStatus.EXPIRED);
    assertThat(observation.endsAt()).contains(EXPIRES);
  }

  @Test
  void refundRevokesAccessFromTheRevocationDate() {
    Instant revoked = Instant.parse("2026-06-01T11:00:00Z");
    Observation observation =
        observe(
            "REFUND",
            null,
            transaction().add("revocationDate", revoked.toEpochMilli()).add("revocationReason", 0));

    assertThat(observation.revocation()).isTrue();
    assertThat(observation.status()).isEqualTo(SubscriptionStatus.EXPIRED);
    assertThat(observation.endsAt()).contains(revoked);
  }

  @Test
  void revocationWithoutDateRevokesAtTheNotification() {
    Observation observation = observe("REVOKE", null, transaction());

    assertThat(observation.revocation()).isTrue();
    assertThat(observation.endsAt()).contains(SIGNED);
  }

  @Test
  void notificationsThatChangeNoStateAreOnlyAcknowledged() {
    assertThat(apple.interpret(verify("PRICE_INCREASE", "PENDING", transaction()))).isEmpty();
    assertThat(apple.interpret(verify("CONSUMPTION_REQUEST", null, transaction()))).isEmpty();
    assertThat(apple.interpret(verify("RENEWAL_EXTENDED", null, transaction()))).isEmpty();
    assertThat(apple.interpret(verify("DID_CHANGE_RENEWAL_PREF", "DOWNGRADE", transaction())))
        .isEmpty();
  }

  @Test
  void aStateChangeWithoutTransactionCannotBeInterpreted() {
    VerifiedNotification bare =
        apple.verify(
            AppleNotificationVerificationTest.request(
                ca.sign(
                    AppleTestCa.notification("DID_RENEW", null, SIGNED, AppleTestCa.data(BUNDLE))
                        .build())));

    assertThatThrownBy(() -> apple.interpret(bare))
        .isInstanceOf(InvalidNotificationException.class);
  }

  @Test
  void aMalformedStoredPayloadCannotBeInterpreted() {
    VerifiedNotification broken =
        new VerifiedNotification(PaymentProvider.APPLE, "n-1", "DID_RENEW", SIGNED, "[1,2]");

    assertThatThrownBy(() -> apple.interpret(broken))
        .isInstanceOf(InvalidNotificationException.class);
  }

  private Observation observe(String type, String subtype, JsonObjectBuilder transaction) {
    return apple
        .interpret(verify(type, subtype, transaction))
        .flatMap(ProviderEvent::observation)
        .orElseThrow();
  }

  private static VerifiedNotification verify(
      String type, String subtype, JsonObjectBuilder transaction) {
    return verify(type, subtype, transaction, AppleTestCa.renewalInfo("2000001", SIGNED));
  }

  private static VerifiedNotification verify(
      String type, String subtype, JsonObjectBuilder transaction, JsonObjectBuilder renewal) {
    return apple.verify(
        AppleNotificationVerificationTest.request(
            ca.sign(
                AppleTestCa.notification(
                        type,
                        subtype,
                        SIGNED,
                        AppleTestCa.data(BUNDLE)
                            .add("signedTransactionInfo", ca.sign(transaction.build()))
                            .add("signedRenewalInfo", ca.sign(renewal.build())))
                    .build())));
  }

  private static JsonObjectBuilder transaction() {
    return AppleTestCa.transaction(BUNDLE, "2000001", PRODUCT, SIGNED, EXPIRES)
        .add("appAccountToken", USER.toString());
  }
}
