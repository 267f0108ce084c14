package app.huberman.application.subscription.port.out;

import app.huberman.domain.subscription.PaymentProvider;
import java.util.Objects;

/** What identifies a stored notification: the provider and its event id, unique together. */
public record WebhookEventKey(PaymentProvider provider, String eventId) {

  public WebhookEventKey {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(eventId, "eventId");
  }

  /**
   * The unique key of the job that processes this notification: while that job is queued or
   * running, no other can be enqueued. A store that looks for events without a live job (see {@link
   * WebhookEventRepository#lockStalled}) builds the same key.
   */
  public String processingJobKey() {
    return "webhook:" + provider.key() + ":" + eventId;
  }
}
