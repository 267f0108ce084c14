package app.huberman.application.subscription.service;

import app.huberman.application.job.JobHandler;
import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.subscription.port.out.ProviderRecheckPort;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.SubscriptionId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Hourly: picks the active subscriptions whose renewal date has passed with no renewal reported, of
 * the providers whose API we can ask, and enqueues a re-check of each ({@link
 * RecheckSubscriptionHandler}), so a lost or late notification does not cost a paying subscriber
 * their access when the lapse grace runs out. Runs in the job's transaction: the picks and the
 * enqueued jobs commit together, and no provider is called here.
 */
public final class RecheckOverdueRenewalsHandler implements JobHandler {

  public static final JobType TYPE = JobType.of("subscriptions.recheck-overdue");

  /** At most this many a run; the least recently asked come first, the next run takes the rest. */
  static final int BATCH = 500;

  /**
   * A subscription is asked about at most this often: a little under the hourly schedule, so that
   * each run asks again about what the previous run asked (a renewal still missing, a provider that
   * did not answer).
   */
  static final Duration INTERVAL = Duration.ofMinutes(50);

  private final Set<PaymentProvider> providers = EnumSet.noneOf(PaymentProvider.class);
  private final SubscriptionRepository subscriptions;
  private final JobQueuePort queue;
  private final Clock clock;

  public RecheckOverdueRenewalsHandler(
      Collection<? extends ProviderRecheckPort> rechecks,
      SubscriptionRepository subscriptions,
      JobQueuePort queue,
      Clock clock) {
    rechecks.forEach(recheck -> providers.add(recheck.provider()));
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.queue = Objects.requireNonNull(queue, "queue");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public JobType type() {
    return TYPE;
  }

  @Override
  public void handle(JobPayload payload) {
    if (providers.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<SubscriptionId> picked =
        subscriptions.pickOverdueForRecheck(now, now.minus(INTERVAL), providers, BATCH);
    if (!picked.isEmpty()) {
      queue.enqueueAll(picked.stream().map(RecheckSubscriptionHandler::jobFor).toList());
    }
  }
}
