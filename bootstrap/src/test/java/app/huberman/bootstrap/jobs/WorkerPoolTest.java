package app.huberman.bootstrap.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.job.port.in.RunJobsUseCase;
import app.huberman.domain.job.QueueName;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

  /**
   * Runs no job; counts down once per call so the test knows the workers are looping, and throws
   * this error on every call when there is one.
   */
  private static RunJobsUseCase jobs(CountDownLatch calls, Error failure) {
    return new RunJobsUseCase() {
      @Override
      public int runNextBatch(
          String workerId, Set<QueueName> queues, int batchSize, BooleanSupplier stopping) {
        calls.countDown();
        if (failure != null) {
          throw failure;
        }
        return 0;
      }

      @Override
      public void completeFinishedJobs(String workerId) {}

      @Override
      public int rescueAbandonedJobs() {
        return 0;
      }
    };
  }

  private final List<Thread> threads = new CopyOnWriteArrayList<>();

  /** Daemon threads the test can join; an Error that kills one is expected, not printed. */
  private Thread newThread(Runnable loop) {
    Thread thread = new Thread(loop);
    thread.setDaemon(true);
    thread.setUncaughtExceptionHandler((t, e) -> {});
    threads.add(thread);
    return thread;
  }

  private WorkerPool pool(RunJobsUseCase jobs) {
    return new WorkerPool(
        jobs,
        timeout -> {
          TimeUnit.MILLISECONDS.sleep(timeout.toMillis());
          return false;
        },
        this::newThread,
        Set.of(QueueName.DEFAULT),
        () -> true);
  }

  @Test
  void countsEveryStartedWorkerAsAliveUntilStopped() throws InterruptedException {
    CountDownLatch calls = new CountDownLatch(3);
    WorkerPool pool = pool(jobs(calls, null));

    pool.start(3, "test");
    assertThat(calls.await(5, TimeUnit.SECONDS)).isTrue();

    assertThat(pool.aliveWorkers()).isEqualTo(3);
    assertThat(pool.stop(Duration.ofSeconds(5))).isZero();
    assertThat(pool.aliveWorkers()).isZero();
  }

  @Test
  void aWorkerSurvivesAnErrorOfAJobsCodeAndKeepsWorking() throws InterruptedException {
    CountDownLatch calls = new CountDownLatch(6);
    WorkerPool pool = pool(jobs(calls, new AssertionError("a handler's bug")));

    pool.start(2, "test");

    assertThat(calls.await(20, TimeUnit.SECONDS)).as("each worker tried again").isTrue();
    assertThat(pool.aliveWorkers()).isEqualTo(2);
    pool.stop(Duration.ofSeconds(5));
  }

  @Test
  void aWorkerKilledByAnErrorNoLongerCountsAsAlive() throws InterruptedException {
    CountDownLatch calls = new CountDownLatch(2);
    WorkerPool pool = pool(jobs(calls, new OutOfMemoryError("simulated")));

    pool.start(2, "test");
    assertThat(calls.await(5, TimeUnit.SECONDS)).isTrue();
    for (Thread thread : threads) {
      if (thread.getName().startsWith("job-worker-")) {
        thread.join(Duration.ofSeconds(5));
      }
    }

    assertThat(pool.aliveWorkers()).isZero();
    pool.stop(Duration.ofSeconds(5));
  }
}
