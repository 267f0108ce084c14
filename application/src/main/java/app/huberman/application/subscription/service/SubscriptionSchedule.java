package app.huberman.application.subscription.service;

import app.huberman.application.job.ScheduledTask;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.Schedule;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

/**
 * The subscriptions context's recurring jobs, declared beside the handlers they run, for bootstrap
 * to register with the scheduler (as {@code UserSchedule} and {@code JobSchedule} do for theirs).
 */
public final class SubscriptionSchedule {

  private SubscriptionSchedule() {}

  public static List<ScheduledTask> scheduledTasks() {
    return List.of(
        new ScheduledTask(
            "expire-subscriptions",
            Schedule.every(Duration.ofMinutes(1)),
            ExpireSubscriptionsHandler.TYPE,
            JobPayload.empty()),
        new ScheduledTask(
            "recheck-overdue-renewals",
            Schedule.hourlyAt(23),
            RecheckOverdueRenewalsHandler.TYPE,
            JobPayload.empty()),
        new ScheduledTask(
            "remind-ending-subscriptions",
            Schedule.hourlyAt(41),
            RemindEndingSubscriptionsHandler.TYPE,
            JobPayload.empty()),
        new ScheduledTask(
            "reconcile-webhooks",
            Schedule.every(Duration.ofMinutes(5)),
            ReconcileWebhookEventsHandler.TYPE,
            JobPayload.empty()),
        new ScheduledTask(
            "prune-webhook-events",
            Schedule.dailyAt(LocalTime.of(4, 37)),
            PruneWebhookEventsHandler.TYPE,
            JobPayload.empty()));
  }
}
