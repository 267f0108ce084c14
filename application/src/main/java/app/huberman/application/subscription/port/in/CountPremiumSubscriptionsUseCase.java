package app.huberman.application.subscription.port.in;

/** For the active-premium-subscriptions gauge. */
public interface CountPremiumSubscriptionsUseCase {

  long premiumSubscriptions();
}
