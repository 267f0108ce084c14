package app.huberman.application.subscription.service;

import app.huberman.application.job.JobHandler;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.out.EntitlementCachePort;
import app.huberman.application.subscription.port.out.SubscriptionEventsPort;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.subscription.LapsePolicy;
import app.huberman.domain.subscription.StatusChange;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.subscription.SubscriptionId;
import app.huberman.domain.subscription.SubscriptionStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Ends subscriptions whose access ran out by our clock when no provider said so in time (canceled
 * past the end, past due past the grace, trialing past the trial, active past its renewal plus the
 * lapse grace). Runs every minute, in the job's transaction; each subscription is locked and
 * checked again, since a webhook may have renewed it between the search and the lock. Idempotent: a
 * second run finds nothing due.
 */
public final class ExpireSubscriptionsHandler implements JobHandler {

  public static final JobType TYPE = JobType.of("subscriptions.expire");

  /** At most this many a run; the next minute takes the rest. */
  static final int BATCH = 500;

  private final SubscriptionRepository subscriptions;
  private final EntitlementCachePort entitlementCache;
  private final SubscriptionEventsPort events;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;
  private final LapsePolicy lapse;
  private final NoticeRecorder notices;

  public ExpireSubscriptionsHandler(
      SubscriptionRepository subscriptions,
      EntitlementCachePort entitlementCache,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock,
      LapsePolicy lapse,
      NoticeRecorder notices) {
    this.lapse = Objects.requireNonNull(lapse, "lapse");
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.entitlementCache = Objects.requireNonNull(entitlementCache, "entitlementCache");
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.notices = Objects.requireNonNull(notices, "notices");
  }

  @Override
  public JobType type() {
    return TYPE;
  }

  @Override
  public void handle(JobPayload payload) {
    Instant now = clock.instant();
    for (SubscriptionId id : subscriptions.findDueForExpiry(now, lapse, BATCH)) {
      subscriptions.lock(id).ifPresent(subscription -> expire(subscription, now));
    }
  }

  private void expire(Subscription subscription, Instant now) {
    Subscription.State before = subscription.state();
    Optional<StatusChange> change = subscription.expireIfDue(now, lapse);
    if (change.isEmpty()) {
      return;
    }
    subscriptions.save(subscription);
    notices.afterChange(before, subscription, change.get(), now);
    ProviderEventApplier.reportAfterCommit(events, unitOfWork, subscription, change.get());
    if (change.get().from() == SubscriptionStatus.ACTIVE) {
      AfterCommit.run(
          unitOfWork,
          "report a lapse",
          () -> events.subscriptionLapsed(subscription.id(), subscription.ref().provider()));
    }
    ProviderEventApplier.evictAfterCommit(
        entitlementCache, unitOfWork, subscription.owner().stream().toList());
  }
}
