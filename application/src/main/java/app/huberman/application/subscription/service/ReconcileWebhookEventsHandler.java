package app.huberman.application.subscription.service;

import app.huberman.application.job.JobHandler;
import app.huberman.application.job.port.out.FailedJobRepository;
import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.out.StalledWebhookEvent;
import app.huberman.application.subscription.port.out.SubscriptionEventsPort;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.job.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A webhook is answered 200 once stored, so its provider never sends it again: when its processing
 * job gives up (10 attempts, then buried), the event would stay unprocessed for good. Every few
 * minutes this enqueues the processing again for unprocessed events that have waited {@link
 * #STALLED_AFTER} with no processing job queued or running: the buried job goes back to its queue
 * with fresh attempts (so its failure is not kept twice), or a new one is enqueued when there is
 * none.
 *
 * <p>Bounded: {@link #BATCH} events a run, and each event waits longer after each reconciliation
 * ({@link #BACKOFF}: 30 minutes, doubling up to a day), so an event that can never be applied costs
 * one job a day rather than one every run. Runs in the job's transaction: the events it takes are
 * locked (others skipped), and their jobs and new reconciliation times commit together.
 */
public final class ReconcileWebhookEventsHandler implements JobHandler {

  public static final JobType TYPE = JobType.of("subscriptions.reconcile-webhooks");

  /** Far longer than a processing job waits for a worker in normal operation. */
  static final Duration STALLED_AFTER = Duration.ofMinutes(15);

  /** At most this many a run; the next run takes the rest. */
  static final int BATCH = 100;

  /** The wait after the n-th reconciliation of an event. */
  static final RetryPolicy BACKOFF = new RetryPolicy(Duration.ofMinutes(30), Duration.ofDays(1));

  private final WebhookEventRepository webhookEvents;
  private final JobQueuePort jobs;
  private final FailedJobRepository failedJobs;
  private final SubscriptionEventsPort events;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public ReconcileWebhookEventsHandler(
      WebhookEventRepository webhookEvents,
      JobQueuePort jobs,
      FailedJobRepository failedJobs,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.webhookEvents = Objects.requireNonNull(webhookEvents, "webhookEvents");
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.failedJobs = Objects.requireNonNull(failedJobs, "failedJobs");
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public JobType type() {
    return TYPE;
  }

  @Override
  public void handle(JobPayload payload) {
    Instant now = clock.instant();
    List<StalledWebhookEvent> stalled =
        webhookEvents.lockStalled(now.minus(STALLED_AFTER), now, BATCH);
    if (stalled.isEmpty()) {
      return;
    }
    // The buried jobs first: the new ones then find their keys taken and are not added.
    failedJobs.requeueByUniqueKey(
        stalled.stream().map(event -> event.key().processingJobKey()).toList());
    jobs.enqueueAll(
        stalled.stream().map(event -> ProcessWebhookEventHandler.jobFor(event.key())).toList());
    for (StalledWebhookEvent event : stalled) {
      int reconciliation = event.reconciliations() + 1;
      webhookEvents.recordReconciliation(
          event.key(), now.plus(BACKOFF.nominalDelay(reconciliation)));
      AfterCommit.run(
          unitOfWork,
          "report a reconciled webhook",
          () ->
              events.webhookReconciled(
                  event.key().provider(), event.type(), event.key().eventId(), reconciliation));
    }
  }
}
