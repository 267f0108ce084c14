package app.huberman.application.job.port.out;

import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import java.util.Optional;
import java.util.UUID;

/**
 * Enqueues a job inside the caller's transaction: if the caller's change rolls back, the job does
 * not exist; if it commits, the job does, and an idle worker is woken at once.
 */
public interface JobQueuePort {

  /**
   * @return the new job's id, or empty when a job with the same unique key is already queued or
   *     running (the call is then a no-op)
   */
  Optional<UUID> enqueue(JobType type, JobPayload payload, JobOptions options);
}
