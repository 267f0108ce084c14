package app.huberman.application.subscription.port.in;

import app.huberman.domain.subscription.Environment;
import java.util.Map;

/**
 * For the active-premium-subscriptions gauge: paid and sandbox subscriptions counted apart, every
 * environment present.
 */
public interface CountPremiumSubscriptionsUseCase {

  Map<Environment, Long> premiumSubscriptions();
}
