package app.huberman.application.job.port.out;

import app.huberman.domain.job.QueueName;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The durable queue as workers see it; all times come from the store's clock. Each method joins the
 * caller's unit of work, except {@link #nextJobs} (and {@link #claim}, {@link #completeAll}), which
 * workers call outside any: each is atomic on its own and commits by itself.
 */
public interface JobStorePort {

  /**
   * A worker's turn: completes the jobs it {@code finished} (each only while the worker still holds
   * its reservation, as {@link #complete} does) and hands it up to {@code max} next available jobs
   * of the given queues, oldest first, skipping jobs other workers hold, reserved for {@code
   * workerId} with their attempt counted. Atomic on its own: called outside any unit of work, it
   * commits by itself. With no finished jobs it only claims; with {@code max} 0 it only completes.
   */
  NextJobs nextJobs(List<ClaimedJob> finished, Set<QueueName> queues, int max, String workerId);

  /**
   * Reserves up to {@code max} available jobs of the given queues for {@code workerId}, oldest
   * first, skipping jobs other workers hold, and counts the attempt.
   */
  default List<ClaimedJob> claim(Set<QueueName> queues, int max, String workerId) {
    return nextJobs(List.of(), queues, max, workerId).claimed();
  }

  /** Completes the finished jobs, each fenced as {@link #complete} is; returns those it lost. */
  default List<ClaimedJob> completeAll(List<ClaimedJob> finished) {
    return nextJobs(finished, Set.of(), 0, "").lost();
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
