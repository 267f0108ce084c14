package app.huberman.application.job.port.out;

import app.huberman.domain.job.QueueName;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The durable queue as workers see it. Every method is one statement in the current transaction;
 * all times come from the database clock.
 */
public interface JobStorePort {

  /**
   * Reserves up to {@code max} available jobs of the given queues for {@code workerId}, oldest
   * first, skipping jobs other workers hold, and counts the attempt.
   */
  List<ClaimedJob> claim(Set<QueueName> queues, int max, String workerId);

  /** Deletes a finished job; false if the reservation was lost, which must undo the work. */
  boolean complete(ClaimedJob job);

  /** Releases the job to run again after {@code delay}; false if the reservation was lost. */
  boolean retryLater(ClaimedJob job, Duration delay);

  /** Moves the job to the failed jobs with the failure's description; false if it was lost. */
  boolean bury(ClaimedJob job, String failure);

  /** Gives back a reservation that was never started (shutdown), without counting the attempt. */
  boolean release(ClaimedJob job);

  /**
   * Frees reservations whose visibility timeout passed: back to the queue, or to the failed jobs
   * when they used their last attempt.
   */
  List<RescuedJob> rescueAbandoned(int max);
}
