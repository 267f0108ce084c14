package app.huberman.application.job.port.in;

import app.huberman.domain.job.QueueName;
import java.util.Set;
import java.util.function.BooleanSupplier;

/** What a worker does: run the next jobs, and rescue the jobs of workers that died. */
public interface RunJobsUseCase {

  /**
   * Claims up to {@code batchSize} jobs and runs them one after the other. When {@code stopping}
   * turns true, the claimed jobs not yet started are released for another worker.
   *
   * <p>Jobs whose handler changes nothing in the database are deleted after their work, together:
   * usually in the statement of this worker's next claim. Call it again until it returns 0, or call
   * {@link #completeFinishedJobs} when the worker stops.
   *
   * @return how many jobs were claimed (0: the queues are empty, and every job the worker finished
   *     is deleted)
   */
  int runNextBatch(String workerId, Set<QueueName> queues, int batchSize, BooleanSupplier stopping);

  /**
   * Deletes the jobs {@code workerId} finished but has not deleted yet (see {@link #runNextBatch});
   * a worker calls it when it stops. Does nothing if there are none.
   */
  void completeFinishedJobs(String workerId);

  /** Frees the reservations of workers that went silent; returns how many. */
  int rescueAbandonedJobs();
}
