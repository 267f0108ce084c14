package app.huberman.application.subscription.service;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.out.EntitlementCachePort;
import app.huberman.application.subscription.port.out.PlanRepository;
import app.huberman.application.subscription.port.out.SubscriptionEventsPort;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.domain.subscription.LapsePolicy;
import java.time.Clock;
import java.util.Objects;

/**
 * The ports every service that changes a subscription needs, so that applying a provider event
 * (from a webhook, the app's own report or a re-check) is wired, and behaves, the same way; with
 * the lapse policy that decides how long an active subscription outlives an unreported renewal.
 */
public record SubscriptionPorts(
    SubscriptionRepository subscriptions,
    PlanRepository plans,
    UserRepository users,
    EntitlementCachePort entitlementCache,
    SubscriptionEventsPort events,
    UnitOfWorkPort unitOfWork,
    Clock clock,
    LapsePolicy lapse) {

  public SubscriptionPorts {
    Objects.requireNonNull(subscriptions, "subscriptions");
    Objects.requireNonNull(plans, "plans");
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(entitlementCache, "entitlementCache");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(unitOfWork, "unitOfWork");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(lapse, "lapse");
  }
}
