package app.huberman.bootstrap.threads;

import app.huberman.adapters.monitoring.logging.LogContext;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A fixed number of threads with a bounded line in front of them, to which an HTTP thread hands the
 * rest of a request: a task runs with the request id of the thread that handed it over, and one
 * handed over when the line is full is refused at once ({@link RejectedExecutionException}), for
 * the caller to answer 503. Stopping runs the tasks already handed over, for a while.
 */
public final class HandOverPool {

  private static final Logger LOG = Logger.getLogger(HandOverPool.class.getName());

  private final String name;
  private final ThreadPoolExecutor pool;

  /**
   * @param name names the threads ({@code name-1}, {@code name-2}, …) and the shutdown warning
   * @param threads creates the threads; container-managed ones when tasks use transactions or CDI
   * @param size how many tasks run at once
   * @param waiting how many more may wait in line
   */
  public HandOverPool(String name, ThreadFactory threads, int size, int waiting) {
    this.name = name;
    this.pool =
        new ThreadPoolExecutor(
            size,
            size,
            0,
            TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(waiting),
            named(name, threads));
  }

  /**
   * @throws RejectedExecutionException when the line is full, or the pool stopped
   */
  public void execute(Runnable task) {
    String requestId = LogContext.requestId();
    pool.execute(
        () -> {
          LogContext.setRequestId(requestId);
          try {
            task.run();
          } finally {
            LogContext.clear();
          }
        });
  }

  /** Tasks waiting in line for a thread. */
  public int waiting() {
    return pool.getQueue().size();
  }

  /** Tasks running now (an estimate while they start and end). */
  public int running() {
    return pool.getActiveCount();
  }

  /** Refuses new tasks and waits, for at most {@code drain}, for those handed over to finish. */
  public void stop(Duration drain) {
    pool.shutdown();
    try {
      if (!pool.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.log(
            Level.WARNING,
            "{0} threads still busy after {1} s of shutdown; their requests are cut",
            new Object[] {name, drain.toSeconds()});
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static ThreadFactory named(String name, ThreadFactory threads) {
    return new ThreadFactory() {
      private int created;

      @Override
      public synchronized Thread newThread(Runnable runnable) {
        Thread thread = threads.newThread(runnable);
        thread.setName(name + "-" + ++created);
        return thread;
      }
    };
  }
}
