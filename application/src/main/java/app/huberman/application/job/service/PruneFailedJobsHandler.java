package app.huberman.application.job.service;

import app.huberman.application.job.JobHandler;
import app.huberman.application.job.port.in.ManageFailedJobsUseCase;
import app.huberman.application.job.port.out.FailedJobRepository;
import app.huberman.application.job.port.out.SchedulerTickPort;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps the job tables from growing without bound: deletes failed jobs older than the retention
 * period, except those of the kept types, and the scheduler's record of old ticks. Idempotent: a
 * second run finds less to delete.
 */
public final class PruneFailedJobsHandler implements JobHandler {

  public static final JobType TYPE = JobType.of("jobs.prune-failed");
  static final Duration TICK_RETENTION = Duration.ofDays(7);

  private final FailedJobRepository failedJobs;
  private final SchedulerTickPort ticks;
  private final Set<JobType> kept;

  /**
   * @param kept the types whose failed jobs stay until retried or forgotten (a failed webhook
   *     processing job is the record of an event not applied yet)
   */
  public PruneFailedJobsHandler(
      FailedJobRepository failedJobs, SchedulerTickPort ticks, Set<JobType> kept) {
    this.failedJobs = Objects.requireNonNull(failedJobs, "failedJobs");
    this.ticks = Objects.requireNonNull(ticks, "ticks");
    this.kept = Set.copyOf(kept);
  }

  @Override
  public JobType type() {
    return TYPE;
  }

  @Override
  public void handle(JobPayload payload) {
    failedJobs.pruneOlderThan(ManageFailedJobsUseCase.RETENTION, kept);
    ticks.pruneOlderThan(TICK_RETENTION);
  }
}
