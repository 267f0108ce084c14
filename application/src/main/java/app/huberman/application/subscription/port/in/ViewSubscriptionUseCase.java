package app.huberman.application.subscription.port.in;

import app.huberman.domain.subscription.Entitlement;
import app.huberman.domain.user.UserId;

/** What a user has: the subscription that matters and what it entitles them to. */
public interface ViewSubscriptionUseCase {

  SubscriptionView currentSubscription(UserId user);

  /** Served from the entitlement cache when it can be, from PostgreSQL otherwise. */
  Entitlement entitlements(UserId user);
}
