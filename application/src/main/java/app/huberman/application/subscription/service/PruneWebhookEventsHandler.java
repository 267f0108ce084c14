package app.huberman.application.subscription.service;

import app.huberman.application.job.JobHandler;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Keeps the webhook inbox from growing without bound: deletes processed webhooks received more than
 * 90 days ago (long past any provider's redelivery), in batches. Nightly; unprocessed ones stay
 * whatever their age. Idempotent: a second run finds less to delete.
 */
public final class PruneWebhookEventsHandler implements JobHandler {

  public static final JobType TYPE = JobType.of("subscriptions.prune-webhook-events");

  static final Duration RETENTION = Duration.ofDays(90);
  static final int BATCH = 1000;

  /** Bounds one run's transaction; what is left goes the next night. */
  static final int MAX_BATCHES = 100;

  private final WebhookEventRepository webhookEvents;
  private final Clock clock;

  public PruneWebhookEventsHandler(WebhookEventRepository webhookEvents, Clock clock) {
    this.webhookEvents = Objects.requireNonNull(webhookEvents, "webhookEvents");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public JobType type() {
    return TYPE;
  }

  @Override
  public void handle(JobPayload payload) {
    Instant cutoff = clock.instant().minus(RETENTION);
    for (int batch = 0; batch < MAX_BATCHES; batch++) {
      if (webhookEvents.deleteProcessedBefore(cutoff, BATCH) < BATCH) {
        return;
      }
    }
  }
}
