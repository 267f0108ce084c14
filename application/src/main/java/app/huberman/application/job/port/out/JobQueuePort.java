package app.huberman.application.job.port.out;

import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Enqueues jobs inside the caller's transaction: if the caller's change rolls back, the jobs do not
 * exist; if it commits, they do, and idle workers are woken at once.
 */
public interface JobQueuePort {

  /**
   * @return the new job's id, or empty when a job with the same unique key is already queued or
   *     running (the call is then a no-op)
   */
  default Optional<UUID> enqueue(JobType type, JobPayload payload, JobOptions options) {
    return enqueue(new NewJob(type, payload, options));
  }

  /**
   * @return the new job's id, or empty when a job with the same unique key is already queued or
   *     running (the call is then a no-op)
   */
  default Optional<UUID> enqueue(NewJob job) {
    return enqueueAll(List.of(job)).getFirst();
  }

  /**
   * Enqueues several jobs at once, each as {@link #enqueue} would. Of two jobs with the same unique
   * key in the list, the first is enqueued.
   *
   * @return for each job, in the order given, its new id or empty when its unique key was taken
   */
  List<Optional<UUID>> enqueueAll(List<NewJob> jobs);
}
