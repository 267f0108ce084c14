package app.huberman.application.subscription.service;

import app.huberman.application.job.ScheduledTask;
import app.huberman.domain.job.CronSchedule;
import app.huberman.domain.job.JobPayload;
import java.util.List;

/** The subscriptions context's recurring jobs, for bootstrap to register with the scheduler. */
public final class SubscriptionSchedule {

  private SubscriptionSchedule() {}

  public static List<ScheduledTask> scheduledTasks() {
    return List.of(
        new ScheduledTask(
            "expire-subscriptions",
            CronSchedule.parse("* * * * *"),
            ExpireSubscriptionsHandler.TYPE,
            JobPayload.empty()),
        new ScheduledTask(
            "recheck-overdue-renewals",
            CronSchedule.parse("23 * * * *"),
            RecheckOverdueRenewalsHandler.TYPE,
            JobPayload.empty()),
        new ScheduledTask(
            "reconcile-webhooks",
            CronSchedule.parse("*/5 * * * *"),
            ReconcileWebhookEventsHandler.TYPE,
            JobPayload.empty()),
        new ScheduledTask(
            "prune-webhook-events",
            CronSchedule.parse("37 4 * * *"),
            PruneWebhookEventsHandler.TYPE,
            JobPayload.empty()));
  }
}
