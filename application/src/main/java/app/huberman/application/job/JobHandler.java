package app.huberman.application.job;

import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;

/**
 * Does the work of one job type. It runs in the same transaction that deletes the job, so its
 * database changes and the job's completion commit together; but its effects outside the database
 * (an email sent) can happen again when a worker dies at the wrong moment. A handler must therefore
 * be idempotent: running it twice with the same payload leaves the world as running it once.
 *
 * <p>Throw {@link app.huberman.domain.job.PermanentJobFailure} when another attempt cannot help;
 * any other exception is retried with backoff.
 */
public interface JobHandler {

  JobType type();

  void handle(JobPayload payload);
}
