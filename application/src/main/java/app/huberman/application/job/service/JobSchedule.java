package app.huberman.application.job.service;

import app.huberman.application.job.ScheduledTask;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.Schedule;
import java.time.LocalTime;
import java.util.List;

/**
 * The job queue's own recurring jobs, declared beside the handlers they run, for bootstrap to
 * register with the scheduler.
 */
public final class JobSchedule {

  private JobSchedule() {}

  public static List<ScheduledTask> scheduledTasks() {
    return List.of(
        new ScheduledTask(
            "prune-failed-jobs",
            Schedule.dailyAt(LocalTime.of(3, 17)),
            PruneFailedJobsHandler.TYPE,
            JobPayload.empty()));
  }
}
