package app.huberman.application.job.service;

import app.huberman.application.job.JobHandler;
import app.huberman.application.job.port.in.ManageFailedJobsUseCase;
import app.huberman.application.job.port.out.FailedJobRepository;
import app.huberman.application.job.port.out.SchedulerTickPort;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import java.time.Duration;
import java.util.Objects;

/**
 * Keeps the job tables from growing without bound: deletes failed jobs older than the retention
 * period, and the scheduler's record of old ticks. Idempotent: a second run finds less to delete.
 */
public final class PruneFailedJobsHandler implements JobHandler {

  public static final JobType TYPE = JobType.of("jobs.prune-failed");
  static final Duration TICK_RETENTION = Duration.ofDays(7);

  private final FailedJobRepository failedJobs;
  private final SchedulerTickPort ticks;

  public PruneFailedJobsHandler(FailedJobRepository failedJobs, SchedulerTickPort ticks) {
    this.failedJobs = Objects.requireNonNull(failedJobs, "failedJobs");
    this.ticks = Objects.requireNonNull(ticks, "ticks");
  }

  @Override
  public JobType type() {
    return TYPE;
  }

  @Override
  public void handle(JobPayload payload) {
    failedJobs.pruneOlderThan(ManageFailedJobsUseCase.RETENTION);
    ticks.pruneOlderThan(TICK_RETENTION);
  }
}
