package app.huberman.application.subscription.service;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.in.CountPremiumSubscriptionsUseCase;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.domain.subscription.Environment;
import app.huberman.domain.subscription.LapsePolicy;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/** The subscriptions granting premium access now, paid and sandbox apart, for the gauge. */
public final class CountPremiumSubscriptionsService implements CountPremiumSubscriptionsUseCase {

  private final SubscriptionRepository subscriptions;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;
  private final LapsePolicy lapse;

  /**
   * @param lapse how long an active subscription outlives an unreported renewal
   */
  public CountPremiumSubscriptionsService(
      SubscriptionRepository subscriptions,
      UnitOfWorkPort unitOfWork,
      Clock clock,
      LapsePolicy lapse) {
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.lapse = Objects.requireNonNull(lapse, "lapse");
  }

  @Override
  public Map<Environment, Long> premiumSubscriptions() {
    Instant now = clock.instant();
    Map<Environment, Long> counted =
        unitOfWork.readOnly(() -> subscriptions.countGrantingPremiumAccess(now, lapse));
    Map<Environment, Long> all = new EnumMap<>(Environment.class);
    for (Environment environment : Environment.values()) {
      all.put(environment, counted.getOrDefault(environment, 0L));
    }
    return all;
  }
}
