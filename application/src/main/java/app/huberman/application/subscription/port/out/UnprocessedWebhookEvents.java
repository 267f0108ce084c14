package app.huberman.application.subscription.port.out;

import app.huberman.domain.subscription.PaymentProvider;
import java.time.Instant;
import java.util.Objects;

/** How many stored notifications of a provider are not processed yet, and the oldest's arrival. */
public record UnprocessedWebhookEvents(
    PaymentProvider provider, long count, Instant oldestReceivedAt) {

  public UnprocessedWebhookEvents {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(oldestReceivedAt, "oldestReceivedAt");
    if (count < 1) {
      throw new IllegalArgumentException("A provider without unprocessed events is left out");
    }
  }
}
