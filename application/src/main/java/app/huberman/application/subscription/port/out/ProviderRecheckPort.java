package app.huberman.application.subscription.port.out;

import app.huberman.application.shared.ProviderUnavailableException;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.ProviderSubscriptionRef;

/**
 * Asks a provider's API for a subscription's current state, when no notification told us of its
 * renewal. Implemented in the payments adapter for each provider whose API is configured (Google
 * Play's Developer API, the App Store Server API); a provider without one has no such port, and its
 * subscriptions are never re-checked.
 */
public interface ProviderRecheckPort {

  PaymentProvider provider();

  /**
   * @return the provider's answer as an ordinary event, verified as its webhooks are
   * @throws InvalidNotificationException when the provider does not know the subscription or its
   *     answer is not authentic or not readable
   * @throws ProviderUnavailableException when the provider's API cannot be reached
   */
  ProviderEvent recheck(ProviderSubscriptionRef subscription);
}
