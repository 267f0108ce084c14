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
   * @return how many jobs were claimed (0: the queues are empty)
   */
  int runNextBatch(String workerId, Set<QueueName> queues, int batchSize, BooleanSupplier stopping);

  /** Frees the reservations of workers that went silent; returns how many. */
  int rescueAbandonedJobs();
}
