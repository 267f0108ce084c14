package app.huberman.bench;

import java.util.List;

/** One way of running background jobs on PostgreSQL, measured by {@link JobQueueBenchmark}. */
interface Contender {

  String name();

  /** The table its jobs live in, vacuumed between phases and watched for being empty. */
  String table();

  /** Enqueues the jobs in one transaction (or one batch that commits together). */
  void enqueueBatch(List<String> ids);

  /** Starts the workers; they run every job queued until {@link #stopWorkers()}. */
  void startWorkers();

  void stopWorkers();

  /** Whether {@link #enqueueOne} is measured: only the queues that wake idle workers. */
  default boolean wakesIdleWorkers() {
    return true;
  }

  /**
   * Enqueues one job and commits, while the workers idle.
   *
   * @return {@link System#nanoTime()} just before the commit
   */
  long enqueueOne(String id);
}
