package app.huberman.adapters.payments.stripe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.in.WebhookRequest;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.domain.subscription.ClientPurchase;
import app.huberman.domain.subscription.PaymentProvider;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StripeWebhookVerificationTest {

  private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  private static final String SECRET = "whsec_test_current";
  private static final String BODY =
      """
      {"id":"evt_1","object":"event","type":"invoice.paid","created":1780315200,\
      "data":{"object":{"object":"invoice"}}}""";

  private final StripePaymentProvider stripe = provider(Optional.of(SECRET));

  @Test
  void acceptsAFreshSignatureAndKeepsTheEventAsSigned() {
    VerifiedNotification notification =
        stripe.verify(
            StripeTestSignatures.request(BODY, StripeTestSignatures.header(NOW, BODY, SECRET)));

    assertThat(notification.provider()).isEqualTo(PaymentProvider.STRIPE);
    assertThat(notification.eventId()).isEqualTo("evt_1");
    assertThat(notification.type()).isEqualTo("invoice.paid");
    assertThat(notification.occurredAt()).isEqualTo(Instant.ofEpochSecond(1_780_315_200L));
    assertThat(notification.payload()).isEqualTo(BODY);
  }

  @Test
  void refusesATamperedBody() {
    String header = StripeTestSignatures.header(NOW, BODY, SECRET);
    String tampered = BODY.replace("evt_1", "evt_2");

    assertRefused(StripeTestSignatures.request(tampered, header));
  }

  @Test
  void refusesASignatureUnderAnotherSecret() {
    assertRefused(
        StripeTestSignatures.request(BODY, StripeTestSignatures.header(NOW, BODY, "whsec_other")));
  }

  @Test
  void acceptsWhenAnyOfSeveralSignaturesMatchesWhileASecretIsRolled() {
    String header = StripeTestSignatures.header(NOW, BODY, "whsec_old", SECRET);

    assertThat(stripe.verify(StripeTestSignatures.request(BODY, header)).eventId())
        .isEqualTo("evt_1");
  }

  @Test
  void refusesAReplayOlderThanTheTolerance() {
    Instant stale = NOW.minusSeconds(301);

    assertRefused(
        StripeTestSignatures.request(BODY, StripeTestSignatures.header(stale, BODY, SECRET)));
  }

  @Test
  void refusesATimestampTooFarInTheFuture() {
    Instant ahead = NOW.plusSeconds(301);

    assertRefused(
        StripeTestSignatures.request(BODY, StripeTestSignatures.header(ahead, BODY, SECRET)));
  }

  @Test
  void toleratesClockDriftWithinFiveMinutes() {
    Instant behind = NOW.minusSeconds(299);

    assertThat(
            stripe
                .verify(
                    StripeTestSignatures.request(
                        BODY, StripeTestSignatures.header(behind, BODY, SECRET)))
                .eventId())
        .isEqualTo("evt_1");
  }

  @Test
  void refusesARequestWithoutSignatureHeader() {
    WebhookRequest unsigned = new WebhookRequest(BODY.getBytes(StandardCharsets.UTF_8), Map.of());

    assertRefused(unsigned);
  }

  @Test
  void refusesHeadersWithoutTimestampOrV1Signature() {
    String v1 = StripeTestSignatures.v1(SECRET, NOW, BODY);

    assertRefused(StripeTestSignatures.request(BODY, "v1=" + v1));
    assertRefused(StripeTestSignatures.request(BODY, "t=" + NOW.getEpochSecond() + ",v0=" + v1));
    assertRefused(StripeTestSignatures.request(BODY, "t=soon,v1=" + v1));
  }

  @Test
  void refusesEverythingWhileTheSecretIsUnset() {
    StripePaymentProvider unconfigured = provider(Optional.empty());

    assertThatThrownBy(
            () ->
                unconfigured.verify(
                    StripeTestSignatures.request(
                        BODY, StripeTestSignatures.header(NOW, BODY, SECRET))))
        .isInstanceOf(InvalidNotificationException.class)
        .hasMessageContaining("not configured");
  }

  @Test
  void refusesASignedBodyThatIsNotAnEvent() {
    String notJson = "not json";

    assertRefused(
        StripeTestSignatures.request(notJson, StripeTestSignatures.header(NOW, notJson, SECRET)));
  }

  @Test
  void headerLookupIgnoresCase() {
    WebhookRequest lowerCase =
        new WebhookRequest(
            BODY.getBytes(StandardCharsets.UTF_8),
            Map.of("stripe-signature", List.of(StripeTestSignatures.header(NOW, BODY, SECRET))));

    assertThat(stripe.verify(lowerCase).eventId()).isEqualTo("evt_1");
  }

  @Test
  void clientReportedPurchasesAreNotAccepted() {
    assertThatThrownBy(
            () -> stripe.verifyPurchase(new ClientPurchase.GooglePurchase("token", "premium")))
        .isInstanceOf(InvalidNotificationException.class)
        .hasMessage("Stripe purchases are reported by webhook");
  }

  @Test
  void settingsNeverPrintTheSecret() {
    assertThat(StripeSettings.of(Optional.of(SECRET)).toString()).doesNotContain(SECRET);
  }

  private void assertRefused(WebhookRequest request) {
    assertThatThrownBy(() -> stripe.verify(request))
        .isInstanceOf(InvalidNotificationException.class);
  }

  private static StripePaymentProvider provider(Optional<String> secret) {
    return new StripePaymentProvider(StripeSettings.of(secret), Clock.fixed(NOW, ZoneOffset.UTC));
  }
}
