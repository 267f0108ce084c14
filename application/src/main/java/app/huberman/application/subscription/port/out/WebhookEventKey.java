package app.huberman.application.subscription.port.out;

import app.huberman.domain.subscription.PaymentProvider;
import java.util.Objects;

/** What identifies a stored notification: the provider and its event id, unique together. */
public record WebhookEventKey(PaymentProvider provider, String eventId) {

  public WebhookEventKey {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(eventId, "eventId");
  }
}
