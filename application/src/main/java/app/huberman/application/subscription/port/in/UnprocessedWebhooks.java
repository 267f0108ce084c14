package app.huberman.application.subscription.port.in;

import app.huberman.domain.subscription.PaymentProvider;
import java.time.Duration;
import java.util.Objects;

/**
 * The stored webhooks of a provider that are not processed yet.
 *
 * @param oldestAge how long ago the oldest of them was received (zero, never negative)
 */
public record UnprocessedWebhooks(PaymentProvider provider, long count, Duration oldestAge) {

  public UnprocessedWebhooks {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(oldestAge, "oldestAge");
  }
}
