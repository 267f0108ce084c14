package app.huberman.application.subscription.service;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.out.EntitlementCachePort;
import app.huberman.application.subscription.port.out.SubscriptionEventsPort;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.domain.subscription.Environment;
import app.huberman.domain.subscription.EventOutcome;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.StatusChange;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.user.UserId;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a provider event to a locked subscription and does what follows from it: saves it,
 * reports a status change and, once the transaction has committed, evicts the cached entitlements
 * it affects, and records the notice the change calls for. Shared by the webhook job, the app's
 * purchase report and the re-check, so all change a subscription the same way; built once by the
 * composition root.
 */
public final class ProviderEventApplier {

  private final SubscriptionRepository subscriptions;
  private final PlanCatalogue catalogue;
  private final EntitlementCachePort entitlementCache;
  private final SubscriptionEventsPort events;
  private final UnitOfWorkPort unitOfWork;
  private final NoticeRecorder notices;

  public ProviderEventApplier(
      SubscriptionRepository subscriptions,
      PlanCatalogue catalogue,
      EntitlementCachePort entitlementCache,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork,
      NoticeRecorder notices) {
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.entitlementCache = Objects.requireNonNull(entitlementCache, "entitlementCache");
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.notices = Objects.requireNonNull(notices, "notices");
  }

  /** Must run in a transaction holding the subscription's lock. */
  EventOutcome apply(
      Subscription subscription, ProviderEvent event, Optional<UserId> owner, Instant now) {
    Optional<UserId> ownerBefore = subscription.owner();
    Subscription.State before = subscription.state();
    Environment environmentBefore = subscription.environment();
    EventOutcome outcome = subscription.apply(event, catalogue.planOf(event), owner, now);
    if (outcome.result() != EventOutcome.Result.APPLIED
        && !outcome.boundToOwner()
        && subscription.environment() == environmentBefore) {
      return outcome;
    }
    subscriptions.save(subscription);
    outcome
        .statusChange()
        .ifPresent(
            change -> {
              reportAfterCommit(events, unitOfWork, subscription, change);
              notices.afterChange(before, subscription, change, now);
            });
    Set<UserId> affected = new LinkedHashSet<>();
    ownerBefore.ifPresent(affected::add);
    subscription.owner().ifPresent(affected::add);
    evictAfterCommit(entitlementCache, unitOfWork, affected);
    return outcome;
  }

  static void reportAfterCommit(
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork,
      Subscription subscription,
      StatusChange change) {
    AfterCommit.run(
        unitOfWork,
        "report a status change",
        () -> events.statusChanged(subscription.id(), subscription.ref().provider(), change));
  }

  /** Evicts after the commit: evicting earlier lets a reader cache the state about to change. */
  static void evictAfterCommit(
      EntitlementCachePort cache, UnitOfWorkPort unitOfWork, Collection<UserId> users) {
    for (UserId user : users) {
      AfterCommit.run(unitOfWork, "evict entitlements", () -> cache.evict(user));
    }
  }
}
