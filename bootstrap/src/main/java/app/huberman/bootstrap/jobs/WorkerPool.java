package app.huberman.bootstrap.jobs;

import app.huberman.application.job.port.in.RunJobsUseCase;
import app.huberman.application.job.port.out.JobSignalPort;
import app.huberman.application.shared.DependencyUnavailableException;
import app.huberman.domain.job.QueueName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadFactory;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Worker threads that run jobs until stopped, and one listener thread that wakes them when a job is
 * enqueued; idle workers also poll every {@link #IDLE_POLL}. Plain Java (no container), so the
 * benchmark runs exactly the loop production runs.
 */
public final class WorkerPool {

  static final Duration IDLE_POLL = Duration.ofSeconds(1);
  static final Duration OUTAGE_BACKOFF = Duration.ofSeconds(2);
  static final int BATCH_SIZE = 5;
  private static final Logger LOG = Logger.getLogger(WorkerPool.class.getName());

  private final RunJobsUseCase jobs;
  private final JobSignalPort signal;
  private final ThreadFactory threads;
  private final Set<QueueName> queues;
  private final BooleanSupplier ready;
  private final Object wakeUp = new Object();
  private final List<Thread> running = new ArrayList<>();
  private final List<Thread> workerThreads = new ArrayList<>();
  private volatile boolean stopping;

  /**
   * @param ready whether jobs may run yet (the schema is migrated)
   */
  public WorkerPool(
      RunJobsUseCase jobs,
      JobSignalPort signal,
      ThreadFactory threads,
      Set<QueueName> queues,
      BooleanSupplier ready) {
    this.jobs = jobs;
    this.signal = signal;
    this.threads = threads;
    this.queues = Set.copyOf(queues);
    this.ready = ready;
  }

  /** Starts {@code workers} workers named after {@code instanceId}, and the listener. */
  public synchronized void start(int workers, String instanceId) {
    for (int i = 1; i <= workers; i++) {
      String workerId = instanceId + "/worker-" + i;
      Thread worker = start("job-worker-" + i, () -> work(workerId));
      workerThreads.add(worker);
      running.add(worker);
    }
    running.add(start("job-listener", this::listen));
  }

  private Thread start(String name, Runnable loop) {
    Thread thread = threads.newThread(loop);
    thread.setName(name);
    thread.start();
    return thread;
  }

  private void work(String workerId) {
    while (!stopping) {
      try {
        if (!ready.getAsBoolean()
            || jobs.runNextBatch(workerId, queues, BATCH_SIZE, () -> stopping) == 0) {
          idle(IDLE_POLL);
        }
      } catch (DependencyUnavailableException e) {
        LOG.log(Level.WARNING, "The database is unavailable; workers pause ({0})", e.getMessage());
        idle(OUTAGE_BACKOFF);
      } catch (RuntimeException | StackOverflowError | LinkageError | AssertionError e) {
        // An Error too: a dead worker would leave its queue unserved until the instance restarts.
        LOG.log(Level.SEVERE, "A queue worker failed; it carries on", e);
        idle(OUTAGE_BACKOFF);
      }
    }
    try {
      jobs.completeFinishedJobs(workerId);
    } catch (RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "A stopping worker could not delete the jobs it finished; they will run again after"
              + " their visibility timeout",
          e);
    }
  }

  private void listen() {
    while (!stopping) {
      try {
        if (signal.awaitWork(IDLE_POLL)) {
          wakeAll();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "The job listener failed; workers poll meanwhile", e);
        idle(OUTAGE_BACKOFF);
      }
    }
  }

  private void idle(Duration atMost) {
    synchronized (wakeUp) {
      if (stopping) {
        return;
      }
      try {
        wakeUp.wait(atMost.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void wakeAll() {
    synchronized (wakeUp) {
      wakeUp.notifyAll();
    }
  }

  /**
   * Asks every thread to stop after the job in hand and waits up to {@code drain} for them.
   *
   * @return how many threads were still busy when the time ran out
   */
  public synchronized long stop(Duration drain) {
    stopping = true;
    wakeAll();
    long deadline = System.nanoTime() + drain.toNanos();
    for (Thread thread : running) {
      try {
        thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return running.stream().filter(Thread::isAlive).count();
  }

  /**
   * How many started workers are still running. A worker ends only when stopped or when an {@link
   * Error} (out of memory, stack overflow) escapes its loop; readiness reports the latter.
   */
  public synchronized int aliveWorkers() {
    return (int) workerThreads.stream().filter(Thread::isAlive).count();
  }

  public boolean isStopping() {
    return stopping;
  }
}
