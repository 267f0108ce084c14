package app.huberman.application.job;

import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;

/**
 * Does the work of one job type. By default ({@link Completion#WITH_WORK}) it runs in the same
 * transaction that deletes the job, so its database changes and the job's completion commit
 * together; but its effects outside the database (an email sent) can happen again when a worker
 * dies at the wrong moment. A handler must therefore be idempotent: running it twice with the same
 * payload leaves the world as running it once.
 *
 * <p>Throw {@link app.huberman.domain.job.PermanentJobFailure} when another attempt cannot help;
 * any other exception is retried with backoff.
 */
public interface JobHandler {

  /** When the job is deleted, relative to the handler's work. */
  enum Completion {
    /**
     * The handler runs in the job's transaction: its database changes and the job's deletion commit
     * together, fenced by the reservation (a worker that lost the job rolls its work back). Costs a
     * transaction per job.
     */
    WITH_WORK,
    /**
     * The handler changes nothing in the database (it sends an email, or does nothing): it runs
     * outside any transaction and holds no connection, and the job is deleted afterwards, fenced by
     * the reservation, in one statement with other finished jobs (usually the worker's next claim).
     * A handler that declares it must write nothing that has to commit with the job: a write of its
     * own (in a unit of work of its own, such as forgetting a dead push token) commits whatever
     * becomes of the job, so it must be one that running again repeats harmlessly. The job still
     * runs at least once: a worker that dies between the handler's end and the deletion leaves the
     * job reserved, and it runs again after its visibility timeout, which an idempotent handler
     * already allows. The run-time limit is not enforced (there is no transaction to roll back).
     */
    AFTER_WORK
  }

  JobType type();

  void handle(JobPayload payload);

  /** {@link Completion#WITH_WORK} unless the handler declares it writes nothing to the database. */
  default Completion completion() {
    return Completion.WITH_WORK;
  }
}
