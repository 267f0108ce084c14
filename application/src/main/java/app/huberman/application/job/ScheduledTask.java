package app.huberman.application.job;

import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.job.Schedule;
import java.util.Objects;

/**
 * A job enqueued on a {@link Schedule}. The tick enqueues a job rather than doing the work itself,
 * so the work gets the queue's retries and durability.
 */
public record ScheduledTask(String name, Schedule schedule, JobType jobType, JobPayload payload) {

  public ScheduledTask {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schedule, "schedule");
    Objects.requireNonNull(jobType, "jobType");
    Objects.requireNonNull(payload, "payload");
    if (name.isBlank() || name.length() > 100) {
      throw new IllegalArgumentException("A scheduled task needs a short name");
    }
  }
}
