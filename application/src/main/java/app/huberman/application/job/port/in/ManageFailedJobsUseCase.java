package app.huberman.application.job.port.in;

import app.huberman.domain.job.FailedJob;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Operators' view of the jobs that gave up. */
public interface ManageFailedJobsUseCase {

  /**
   * Failed jobs older than this are pruned by the daily task, except the types kept until retried
   * or forgotten (webhook processing).
   */
  Duration RETENTION = Duration.ofDays(30);

  List<FailedJob> listFailedJobs(int limit);

  /**
   * @return false when there is no failed job with that id
   */
  boolean retryFailedJob(UUID uuid);

  int retryAllFailedJobs();

  /**
   * @return false when there is no failed job with that id
   */
  boolean forgetFailedJob(UUID uuid);

  int pruneFailedJobs();
}
