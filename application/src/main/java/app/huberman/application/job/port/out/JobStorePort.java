package app.huberman.application.job.port.out;

import app.huberman.domain.job.QueueName;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The durable queue as workers see it. Every method is one statement in the current transaction
 * (or, outside one, a statement that commits on its own); all times come from the database clock.
 */
public interface JobStorePort {

  /**
   * Deletes the {@code finished} jobs, each fenced by its reservation as {@link #complete} is, and
   * reserves up to {@code max} available jobs of the given queues for {@code workerId}, oldest
   * first, skipping jobs other workers hold, counting the attempt: both in one statement. With no
   * finished jobs it only claims; with {@code max} 0 it only deletes.
   */
  CompletedAndClaimed completeAndClaim(
      List<ClaimedJob> finished, Set<QueueName> queues, int max, String workerId);

  /**
   * Reserves up to {@code max} available jobs of the given queues for {@code workerId}, oldest
   * first, skipping jobs other workers hold, and counts the attempt.
   */
  default List<ClaimedJob> claim(Set<QueueName> queues, int max, String workerId) {
    return completeAndClaim(List.of(), queues, max, workerId).claimed();
  }

  /** Deletes the finished jobs, each fenced as {@link #complete} is; returns those it lost. */
  default List<ClaimedJob> completeAll(List<ClaimedJob> finished) {
    return completeAndClaim(finished, Set.of(), 0, "").lost();
  }

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
