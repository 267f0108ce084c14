package app.huberman.application.subscription.service;

import app.huberman.application.job.JobHandler;
import app.huberman.application.job.port.out.NewJob;
import app.huberman.application.shared.ProviderUnavailableException;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.out.AccountDirectoryPort;
import app.huberman.application.subscription.port.out.ProviderRecheckPort;
import app.huberman.application.subscription.port.out.SubscriptionEventsPort;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.job.PermanentJobFailure;
import app.huberman.domain.subscription.EventOutcome;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.subscription.SubscriptionId;
import app.huberman.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Re-checks one subscription whose renewal is overdue: asks its provider's API and applies the
 * answer exactly as a webhook's event (same applier: saved, reported, cache evicted after commit),
 * under the subscription's lock. A renewal found this way keeps access going; an expiry or a failed
 * payment found this way ends or limits it at once.
 *
 * <p>A provider that cannot answer, or does not know the subscription, is logged and counted, and
 * the job succeeds: the hourly run asks again while the renewal is overdue, and meanwhile the lapse
 * grace runs as before.
 */
public final class RecheckSubscriptionHandler implements JobHandler {

  public static final JobType TYPE = JobType.of("subscriptions.recheck");

  private static final int PAYLOAD_VERSION = 1;
  private static final String SUBSCRIPTION_ID = "subscription_id";
  private static final int MAX_ATTEMPTS = 3;

  private final Map<PaymentProvider, ProviderRecheckPort> rechecks =
      new EnumMap<>(PaymentProvider.class);
  private final SubscriptionRepository subscriptions;
  private final AccountDirectoryPort accounts;
  private final ProviderEventApplier applier;
  private final SubscriptionEventsPort events;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public RecheckSubscriptionHandler(
      Collection<? extends ProviderRecheckPort> rechecks,
      SubscriptionRepository subscriptions,
      AccountDirectoryPort accounts,
      ProviderEventApplier applier,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    for (ProviderRecheckPort recheck : rechecks) {
      if (this.rechecks.putIfAbsent(recheck.provider(), recheck) != null) {
        throw new IllegalArgumentException("Two re-checks for " + recheck.provider().key());
      }
    }
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.applier = Objects.requireNonNull(applier, "applier");
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The re-check of one subscription; at most one is queued per subscription. */
  static NewJob jobFor(SubscriptionId id) {
    String value = Long.toString(id.value());
    return new NewJob(
        TYPE,
        JobPayload.of(PAYLOAD_VERSION, Map.of(SUBSCRIPTION_ID, value)),
        JobOptions.defaults().withMaxAttempts(MAX_ATTEMPTS).uniqueBy(TYPE.value() + ":" + value));
  }

  @Override
  public JobType type() {
    return TYPE;
  }

  @Override
  public void handle(JobPayload payload) {
    SubscriptionId id = subscriptionOf(payload);
    Instant now = clock.instant();
    // Not locked while the provider is asked: a webhook for it must not wait on that call.
    Optional<Subscription> seen = subscriptions.find(id).filter(s -> s.isOverdueForRenewal(now));
    if (seen.isEmpty()) {
      return; // renewed, ended or gone since it was picked
    }
    ProviderSubscriptionRef ref = seen.get().ref();
    ProviderRecheckPort recheck = rechecks.get(ref.provider());
    if (recheck == null) {
      return; // its API was switched off since
    }
    ProviderEvent event;
    try {
      event = recheck.recheck(ref);
    } catch (ProviderUnavailableException | InvalidNotificationException e) {
      failed(id, ref.provider(), e.getMessage());
      return;
    }
    if (!event.subscription().equals(ref)) {
      failed(id, ref.provider(), "The provider answered about another subscription");
      return;
    }
    Optional<Subscription> locked = subscriptions.lock(id);
    if (locked.isEmpty()) {
      return;
    }
    Optional<UserId> owner = event.accountToken().flatMap(accounts::idOf);
    EventOutcome outcome = applier.apply(locked.get(), event, owner, now);
    AfterCommit.run(
        unitOfWork,
        "report a re-check",
        () -> events.subscriptionRechecked(id, ref.provider(), outcome));
  }

  private void failed(SubscriptionId id, PaymentProvider provider, String reason) {
    AfterCommit.run(
        unitOfWork, "report a re-check", () -> events.recheckFailed(id, provider, reason));
  }

  private static SubscriptionId subscriptionOf(JobPayload payload) {
    String value = payload.require(SUBSCRIPTION_ID);
    try {
      return new SubscriptionId(Long.parseLong(value));
    } catch (IllegalArgumentException e) {
      throw new PermanentJobFailure("Not a subscription id: '" + value + "'", e);
    }
  }
}
