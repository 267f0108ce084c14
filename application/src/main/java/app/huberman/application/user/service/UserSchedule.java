package app.huberman.application.user.service;

import app.huberman.application.job.ScheduledTask;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.Schedule;
import java.util.List;

/**
 * The users context's recurring jobs, declared beside the handlers they run, for bootstrap to
 * register with the scheduler.
 */
public final class UserSchedule {

  private UserSchedule() {}

  public static List<ScheduledTask> scheduledTasks() {
    return List.of(
        new ScheduledTask(
            "prune-expired-tokens",
            Schedule.hourlyAt(7),
            PruneExpiredTokensHandler.TYPE,
            JobPayload.empty()));
  }
}
