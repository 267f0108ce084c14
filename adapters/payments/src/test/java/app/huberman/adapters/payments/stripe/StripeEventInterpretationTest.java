package app.huberman.adapters.payments.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.domain.subscription.Observation;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.SubscriptionStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class StripeEventInterpretationTest {

  private static final Instant CREATED = Instant.parse("2026-06-01T12:00:00Z");
  private static final long PERIOD_START = 1_780_000_000L;
  private static final long PERIOD_END = 1_782_592_000L;
  private static final UUID USER = UUID.fromString("0b7f4c35-7a49-4b36-9a0e-2f1c3f0d4e55");
  private static final ProviderSubscriptionRef REF =
      new ProviderSubscriptionRef(PaymentProvider.STRIPE, "sub_1");

  private final StripePaymentProvider stripe =
      new StripePaymentProvider(
          StripeSettings.of(Optional.of("whsec_x")), Clock.fixed(CREATED, ZoneOffset.UTC));

  @Test
  void completedCheckoutOnlyTiesTheSubscriptionToTheAccount() {
    ProviderEvent event =
        interpret(
                "checkout.session.completed",
                """
                {"object":"checkout.session","mode":"subscription","subscription":"sub_1",
                 "client_reference_id":"%s"}"""
                    .formatted(USER))
            .orElseThrow();

    assertThat(event.subscription()).isEqualTo(REF);
    assertThat(event.eventId()).isEqualTo("evt_1");
    assertThat(event.occurredAt()).isEqualTo(CREATED);
    assertThat(event.accountToken()).contains(USER);
    assertThat(event.observation()).isEmpty();
  }

  @Test
  void checkoutWithAForeignReferenceBindsNoAccount() {
    ProviderEvent event =
        interpret(
                "checkout.session.completed",
                """
                {"mode":"subscription","subscription":"sub_1","client_reference_id":"cart-42"}""")
            .orElseThrow();

    assertThat(event.accountToken()).isEmpty();
  }

  @Test
  void checkoutForAOneOffPaymentIsOnlyAcknowledged() {
    assertThat(
            interpret(
                "checkout.session.completed",
                """
                {"mode":"payment","subscription":null,"client_reference_id":"%s"}"""
                    .formatted(USER)))
        .isEmpty();
  }

  @Test
  void activeSubscriptionRenewsAtTheLatestItemPeriodEnd() {
    ProviderEvent event =
        interpret(
                "customer.subscription.created",
                subscription(
                    "active",
                    """
                    "metadata":{"user_uuid":"%s"},
                    "items":{"data":[
                      {"current_period_start":%d,"current_period_end":%d,"price":{"id":"price_monthly"}},
                      {"current_period_start":%d,"current_period_end":%d,"price":{"id":"price_addon"}}]}"""
                        .formatted(USER, PERIOD_START, PERIOD_END - 10, PERIOD_START, PERIOD_END)))
            .orElseThrow();

    assertThat(event.subscription()).isEqualTo(REF);
    assertThat(event.accountToken()).contains(USER);
    assertThat(event.observation())
        .contains(
            Observation.of(SubscriptionStatus.ACTIVE)
                .withProduct("price_monthly")
                .withRenewal(Instant.ofEpochSecond(PERIOD_END)));
  }

  @Test
  void olderApiVersionsKeepThePeriodOnTheSubscription() {
    Observation observation =
        observe(
            "customer.subscription.updated",
            subscription(
                "active",
                """
                "current_period_start":%d,"current_period_end":%d,
                "items":{"data":[{"price":{"id":"price_monthly"}}]}"""
                    .formatted(PERIOD_START, PERIOD_END)));

    assertThat(observation.status()).isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(observation.renewsAt()).contains(Instant.ofEpochSecond(PERIOD_END));
    assertThat(observation.productId()).contains("price_monthly");
  }

  @Test
  void activeButSetToCancelAtPeriodEndIsCanceledUntilThen() {
    Observation observation =
        observe(
            "customer.subscription.updated",
            subscription(
                "active",
                """
                "cancel_at_period_end":true,"canceled_at":1780100000,
                "items":{"data":[{"current_period_end":%d,"price":{"id":"price_monthly"}}]}"""
                    .formatted(PERIOD_END)));

    assertThat(observation)
        .isEqualTo(
            Observation.of(SubscriptionStatus.CANCELED)
                .withProduct("price_monthly")
                .withEnd(Instant.ofEpochSecond(PERIOD_END))
                .withCancellation(Instant.ofEpochSecond(1_780_100_000L)));
  }

  @Test
  void activeWithACancelAtDateEndsThen() {
    Observation observation =
        observe(
            "customer.subscription.updated",
            subscription(
                "active",
                """
                "cancel_at_period_end":false,"cancel_at":1781000000,"canceled_at":1780100000,
                "items":{"data":[{"current_period_end":%d}]}"""
                    .formatted(PERIOD_END)));

    assertThat(observation.status()).isEqualTo(SubscriptionStatus.CANCELED);
    assertThat(observation.endsAt()).contains(Instant.ofEpochSecond(1_781_000_000L));
    assertThat(observation.canceledAt()).contains(Instant.ofEpochSecond(1_780_100_000L));
  }

  @Test
  void trialingEndsWithTheTrial() {
    Observation observation =
        observe(
            "customer.subscription.created", subscription("trialing", "\"trial_end\":1780900000"));

    assertThat(observation)
        .isEqualTo(
            Observation.of(SubscriptionStatus.TRIALING)
                .withTrialEnd(Instant.ofEpochSecond(1_780_900_000L)));
  }

  @Test
  void incompleteAwaitsItsFirstPayment() {
    assertThat(observe("customer.subscription.created", subscription("incomplete", "")).status())
        .isEqualTo(SubscriptionStatus.INCOMPLETE);
  }

  @Test
  void incompleteExpiredIsOver() {
    Observation observation =
        observe(
            "customer.subscription.updated",
            subscription("incomplete_expired", "\"ended_at\":1780200000"));

    assertThat(observation.status()).isEqualTo(SubscriptionStatus.EXPIRED);
    assertThat(observation.endsAt()).contains(Instant.ofEpochSecond(1_780_200_000L));
  }

  @Test
  void pastDueKeepsAccessForTheGraceFromTheUnpaidPeriodStart() {
    Observation observation =
        observe(
            "customer.subscription.updated",
            subscription(
                "past_due",
                """
                "items":{"data":[{"current_period_start":%d,"current_period_end":%d}]}"""
                    .formatted(PERIOD_START, PERIOD_END)));

    assertThat(observation.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
    assertThat(observation.graceEndsAt())
        .contains(Instant.ofEpochSecond(PERIOD_START).plus(Duration.ofDays(7)));
  }

  @Test
  void pastDueGraceIsConfigurable() {
    StripePaymentProvider shortGrace =
        new StripePaymentProvider(
            new StripeSettings(
                Optional.of("whsec_x"), StripeSettings.DEFAULT_TOLERANCE, Duration.ofDays(3)),
            Clock.fixed(CREATED, ZoneOffset.UTC));

    Observation observation =
        shortGrace
            .interpret(
                notification(
                    "customer.subscription.updated",
                    subscription("past_due", "\"current_period_start\":" + PERIOD_START)))
            .flatMap(ProviderEvent::observation)
            .orElseThrow();

    assertThat(observation.graceEndsAt())
        .contains(Instant.ofEpochSecond(PERIOD_START).plus(Duration.ofDays(3)));
  }

  @Test
  void unpaidHasNoGraceLeft() {
    Observation observation = observe("customer.subscription.updated", subscription("unpaid", ""));

    assertThat(observation.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
    assertThat(observation.graceEndsAt()).contains(CREATED);
  }

  @Test
  void canceledIsOverWhenItEnded() {
    Observation observation =
        observe(
            "customer.subscription.updated",
            subscription("canceled", "\"ended_at\":1780200000,\"canceled_at\":1780100000"));

    assertThat(observation.status()).isEqualTo(SubscriptionStatus.EXPIRED);
    assertThat(observation.endsAt()).contains(Instant.ofEpochSecond(1_780_200_000L));
    assertThat(observation.canceledAt()).contains(Instant.ofEpochSecond(1_780_100_000L));
  }

  @Test
  void deletedSubscriptionIsOverAtTheEventWhenNoEndIsGiven() {
    Observation observation =
        observe("customer.subscription.deleted", subscription("canceled", ""));

    assertThat(observation.status()).isEqualTo(SubscriptionStatus.EXPIRED);
    assertThat(observation.endsAt()).contains(CREATED);
  }

  @Test
  void pausedGrantsNoAccessAndResumedIsActiveAgain() {
    assertThat(observe("customer.subscription.paused", subscription("paused", "")).status())
        .isEqualTo(SubscriptionStatus.EXPIRED);
    assertThat(
            observe(
                    "customer.subscription.resumed",
                    subscription("active", "\"current_period_end\":" + PERIOD_END))
                .renewsAt())
        .contains(Instant.ofEpochSecond(PERIOD_END));
  }

  @Test
  void unknownSubscriptionStatusCannotBeInterpreted() {
    assertThatThrownBy(() -> interpret("customer.subscription.updated", subscription("frozen", "")))
        .isInstanceOf(InvalidNotificationException.class);
  }

  @Test
  void paidInvoiceRenewsUntilTheLatestLineEnd() {
    ProviderEvent event =
        interpret(
                "invoice.paid",
                """
                {"object":"invoice","billing_reason":"subscription_cycle","amount_paid":999,
                 "parent":{"type":"subscription_details","subscription_details":{
                   "subscription":"sub_1","metadata":{"user_uuid":"%s"}}},
                 "lines":{"data":[
                   {"period":{"start":%d,"end":%d},
                    "pricing":{"type":"price_details","price_details":{"price":"price_monthly"}}},
                   {"period":{"start":%d,"end":%d},
                    "pricing":{"price_details":{"price":"price_addon"}}}]}}"""
                    .formatted(USER, PERIOD_START, PERIOD_END, PERIOD_START, PERIOD_END - 5))
            .orElseThrow();

    assertThat(event.subscription()).isEqualTo(REF);
    assertThat(event.accountToken()).contains(USER);
    assertThat(event.observation())
        .contains(
            Observation.of(SubscriptionStatus.ACTIVE)
                .withProduct("price_monthly")
                .withRenewal(Instant.ofEpochSecond(PERIOD_END)));
  }

  @Test
  void paidInvoiceOfOlderApiVersions() {
    ProviderEvent event =
        interpret(
                "invoice.paid",
                """
                {"object":"invoice","subscription":"sub_1","billing_reason":"subscription_cycle",
                 "amount_paid":999,
                 "lines":{"data":[{"period":{"start":%d,"end":%d},"price":{"id":"price_annual"}}]}}"""
                    .formatted(PERIOD_START, PERIOD_END))
            .orElseThrow();

    assertThat(event.subscription()).isEqualTo(REF);
    assertThat(event.observation().orElseThrow().productId()).contains("price_annual");
    assertThat(event.observation().orElseThrow().renewsAt())
        .contains(Instant.ofEpochSecond(PERIOD_END));
  }

  @Test
  void aFreeFirstInvoiceSaysNothingAboutPayment() {
    assertThat(
            interpret(
                "invoice.paid",
                """
                {"subscription":"sub_1","billing_reason":"subscription_create","amount_paid":0,
                 "lines":{"data":[{"period":{"start":%d,"end":%d}}]}}"""
                    .formatted(PERIOD_START, PERIOD_END)))
        .isEmpty();
  }

  @Test
  void failedRenewalIsPastDueUntilStripeRetries() {
    Observation observation =
        observe(
            "invoice.payment_failed",
            """
            {"billing_reason":"subscription_cycle","next_payment_attempt":1780500000,
             "parent":{"subscription_details":{"subscription":"sub_1"}},
             "lines":{"data":[{"pricing":{"price_details":{"price":"price_monthly"}}}]}}""");

    assertThat(observation)
        .isEqualTo(
            Observation.of(SubscriptionStatus.PAST_DUE)
                .withProduct("price_monthly")
                .withGraceEnd(Instant.ofEpochSecond(1_780_500_000L)));
  }

  @Test
  void failedRenewalWithoutFurtherRetriesKeepsTheConfiguredGrace() {
    Observation observation =
        observe(
            "invoice.payment_failed",
            """
            {"billing_reason":"subscription_cycle","next_payment_attempt":null,
             "subscription":"sub_1"}""");

    assertThat(observation.graceEndsAt()).contains(CREATED.plus(Duration.ofDays(7)));
  }

  @Test
  void failedFirstPaymentLeavesTheSubscriptionIncomplete() {
    Observation observation =
        observe(
            "invoice.payment_failed",
            """
            {"billing_reason":"subscription_create","subscription":"sub_1"}""");

    assertThat(observation.status()).isEqualTo(SubscriptionStatus.INCOMPLETE);
  }

  @Test
  void invoicesOutsideSubscriptionsAndOtherTypesAreOnlyAcknowledged() {
    assertThat(interpret("invoice.paid", "{\"billing_reason\":\"manual\",\"amount_paid\":500}"))
        .isEmpty();
    assertThat(interpret("customer.created", "{\"object\":\"customer\"}")).isEmpty();
    assertThat(interpret("customer.subscription.trial_will_end", subscription("trialing", "")))
        .isEmpty();
  }

  @Test
  void aStoredPayloadThatIsNotAnEventCannotBeInterpreted() {
    VerifiedNotification broken =
        new VerifiedNotification(
            PaymentProvider.STRIPE, "evt_1", "invoice.paid", CREATED, "{\"data\":");
    VerifiedNotification objectless =
        new VerifiedNotification(
            PaymentProvider.STRIPE, "evt_1", "invoice.paid", CREATED, "{\"id\":\"evt_1\"}");

    assertThatThrownBy(() -> stripe.interpret(broken))
        .isInstanceOf(InvalidNotificationException.class);
    assertThatThrownBy(() -> stripe.interpret(objectless))
        .isInstanceOf(InvalidNotificationException.class);
  }

  private Observation observe(String type, String object) {
    return interpret(type, object).flatMap(ProviderEvent::observation).orElseThrow();
  }

  private Optional<ProviderEvent> interpret(String type, String object) {
    return stripe.interpret(notification(type, object));
  }

  private static VerifiedNotification notification(String type, String object) {
    String event =
        """
        {"id":"evt_1","object":"event","type":"%s","created":%d,"data":{"object":%s}}"""
            .formatted(type, CREATED.getEpochSecond(), object);
    return new VerifiedNotification(PaymentProvider.STRIPE, "evt_1", type, CREATED, event);
  }

  private static String subscription(String status, String fields) {
    return """
        {"id":"sub_1","object":"subscription","status":"%s"%s}"""
        .formatted(status, fields.isBlank() ? "" : "," + fields);
  }
}
