package app.huberman.adapters.payments.stripe;

import static app.huberman.adapters.payments.JsonFields.number;
import static app.huberman.adapters.payments.JsonFields.requiredString;

import app.huberman.adapters.payments.JsonFields;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.in.WebhookRequest;
import app.huberman.application.subscription.port.out.PaymentProviderPort;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.domain.subscription.ClientPurchase;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderEvent;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Stripe webhooks: authentic when the {@code Stripe-Signature} HMAC matches under the endpoint
 * secret and is fresh; the stored payload is Stripe's event JSON exactly as signed, so it can be
 * read again later without the signature. Stripe reports purchases by webhook only.
 */
public final class StripePaymentProvider implements PaymentProviderPort {

  static final String SIGNATURE_HEADER = "Stripe-Signature";

  private final Optional<StripeSignature> signature;
  private final StripeEventMapper mapper;
  private final Clock clock;

  public StripePaymentProvider(StripeSettings settings, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.signature =
        settings.webhookSecret().map(secret -> new StripeSignature(secret, settings.tolerance()));
    this.mapper = new StripeEventMapper(settings.pastDueGrace());
  }

  @Override
  public PaymentProvider provider() {
    return PaymentProvider.STRIPE;
  }

  @Override
  public VerifiedNotification verify(WebhookRequest request) {
    StripeSignature check =
        signature.orElseThrow(
            () -> new InvalidNotificationException("Stripe webhooks are not configured"));
    String header =
        request
            .header(SIGNATURE_HEADER)
            .orElseThrow(() -> new InvalidNotificationException("No Stripe-Signature header"));
    byte[] body = request.body();
    check.check(header, body, clock.instant());
    String payload = new String(body, StandardCharsets.UTF_8);
    JsonObject event = JsonFields.parseObject(payload);
    Instant created =
        number(event, "created")
            .map(Instant::ofEpochSecond)
            .orElseThrow(() -> new InvalidNotificationException("The Stripe event has no time"));
    try {
      return new VerifiedNotification(
          PaymentProvider.STRIPE,
          requiredString(event, "id"),
          requiredString(event, "type"),
          created,
          payload);
    } catch (IllegalArgumentException e) {
      throw new InvalidNotificationException("The Stripe event's id or type is unusable", e);
    }
  }

  @Override
  public Optional<ProviderEvent> interpret(VerifiedNotification notification) {
    return mapper.map(notification);
  }

  @Override
  public ProviderEvent verifyPurchase(ClientPurchase purchase) {
    throw new InvalidNotificationException("Stripe purchases are reported by webhook");
  }
}
