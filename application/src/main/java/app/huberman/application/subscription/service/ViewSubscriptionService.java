package app.huberman.application.subscription.service;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.in.SubscriptionView;
import app.huberman.application.subscription.port.in.ViewSubscriptionUseCase;
import app.huberman.application.subscription.port.out.EntitlementCachePort;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.domain.subscription.Entitlement;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user has. Entitlements are asked for on most requests, so they are served from the shared
 * cache when they can be; the cache is never trusted past the moment its entry would stop being
 * true, and when it cannot be reached PostgreSQL answers.
 */
public final class ViewSubscriptionService implements ViewSubscriptionUseCase {

  /** How long a computed entitlement is cached, at most. */
  static final Duration ENTITLEMENT_TTL = Duration.ofMinutes(15);

  /** Premium first, then the latest end (a premium one with no known end ends last). */
  private static final Comparator<Entitlement> BETTER_LAST =
      Comparator.comparing(Entitlement::premium)
          .thenComparing(entitlement -> entitlement.expiresAt().orElse(Instant.MAX));

  private final SubscriptionRepository subscriptions;
  private final PlanCatalogue catalogue;
  private final EntitlementCachePort cache;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public ViewSubscriptionService(
      SubscriptionRepository subscriptions,
      PlanCatalogue catalogue,
      EntitlementCachePort cache,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The subscription that matters: the one giving the best entitlement (premium, ending last), else
   * the one granting access, else the most recently updated.
   */
  @Override
  public SubscriptionView currentSubscription(UserId user) {
    Instant now = clock.instant();
    return unitOfWork.readOnly(
        () ->
            subscriptions.findByOwner(user).stream()
                .map(subscription -> Ranked.of(subscription, catalogue, now))
                .max(Ranked.MATTERS_LAST)
                .map(ranked -> catalogue.viewOf(ranked.subscription(), now))
                .orElseGet(catalogue::none));
  }

  /** A subscription with what decides whether it is the one that matters. */
  private record Ranked(
      Subscription subscription, Entitlement entitlement, boolean grantsAccess, Instant updatedAt) {

    static final Comparator<Ranked> MATTERS_LAST =
        Comparator.comparing(Ranked::entitlement, BETTER_LAST)
            .thenComparing(Ranked::grantsAccess)
            .thenComparing(Ranked::updatedAt);

    static Ranked of(Subscription subscription, PlanCatalogue catalogue, Instant now) {
      return new Ranked(
          subscription,
          catalogue.entitlementOf(subscription, now),
          catalogue.grantsAccess(subscription, now),
          subscription.state().updatedAt());
    }
  }

  @Override
  public Entitlement entitlements(UserId user) {
    Optional<Entitlement> cached = cache.get(user);
    if (cached.isPresent()) {
      return cached.get();
    }
    Instant now = clock.instant();
    Entitlement computed = unitOfWork.readOnly(() -> bestEntitlement(user, now));
    Duration ttl = ttlOf(computed, now);
    if (ttl.isPositive()) {
      cache.put(user, computed, ttl);
    }
    return computed;
  }

  private Entitlement bestEntitlement(UserId user, Instant now) {
    List<Subscription> owned = subscriptions.findByOwner(user);
    return owned.stream()
        .map(subscription -> catalogue.entitlementOf(subscription, now))
        .max(BETTER_LAST)
        .orElseGet(() -> Entitlement.free(catalogue.free()));
  }

  /** Never longer than the entitlement stays true: one ending in 2 minutes is kept 2 minutes. */
  static Duration ttlOf(Entitlement entitlement, Instant now) {
    return entitlement
        .expiresAt()
        .map(end -> Duration.between(now, end))
        .filter(untilEnd -> untilEnd.compareTo(ENTITLEMENT_TTL) < 0)
        .orElse(ENTITLEMENT_TTL);
  }
}
