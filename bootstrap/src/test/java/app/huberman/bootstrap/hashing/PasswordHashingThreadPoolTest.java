package app.huberman.bootstrap.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.adapters.monitoring.logging.LogContext;
import app.huberman.adapters.monitoring.users.PasswordHashingGauges;
import app.huberman.bootstrap.config.PasswordHashingSettings;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PasswordHashingThreadPool}: its request context and request id per task, its bounded line
 * and the refusals it counts. Tasks hold their thread until the test opens {@link #hashDone}.
 */
class PasswordHashingThreadPoolTest {

  private static final int THREADS = 2;
  private static final int QUEUE = 3;

  private final RecordedGauges gauges = new RecordedGauges();
  private final List<String> contexts = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Void> hashDone = new CompletableFuture<>();
  private final Semaphore hashing = new Semaphore(0);
  private final PasswordHashingThreadPool pool =
      new PasswordHashingThreadPool(
          Thread.ofPlatform().factory(),
          new PasswordHashingSettings(THREADS, QUEUE),
          this::inAContext,
          gauges);

  @AfterEach
  void finish() {
    hashDone.complete(null);
    pool.stop();
    LogContext.clear();
  }

  @Test
  void eachTaskRunsInARequestContextOfItsOwnWithTheRequestIdOfItsRequest() throws Exception {
    CompletableFuture<String> seen = new CompletableFuture<>();
    LogContext.setRequestId("login-7");

    pool.execute(() -> seen.complete(contexts + " " + LogContext.requestId()));

    assertThat(seen.get(10, TimeUnit.SECONDS)).isEqualTo("[opened] login-7");
  }

  @Test
  void hashesOnThreadsOfTheLowestPrioritySoThatReadsKeepTheCores() throws Exception {
    CompletableFuture<Integer> priority = new CompletableFuture<>();

    pool.execute(() -> priority.complete(Thread.currentThread().getPriority()));

    assertThat(priority.get(10, TimeUnit.SECONDS)).isEqualTo(Thread.MIN_PRIORITY);
  }

  @Test
  void refusesATaskOnceEveryThreadIsBusyAndTheLineIsFullAndCountsTheRefusal() throws Exception {
    AtomicInteger hashed = new AtomicInteger();
    for (int i = 0; i < THREADS + QUEUE; i++) {
      pool.execute(() -> slowHash(hashed));
    }
    assertThat(hashing.tryAcquire(THREADS, 10, TimeUnit.SECONDS)).isTrue();

    assertThat(gauges.waiting.getAsInt()).isEqualTo(QUEUE);
    assertThat(gauges.running.getAsInt()).isEqualTo(THREADS);
    assertThatThrownBy(() -> pool.execute(() -> slowHash(hashed)))
        .isInstanceOf(RejectedExecutionException.class);
    assertThat(gauges.rejected).hasValue(1);

    hashDone.complete(null);
    pool.stop();
    assertThat(hashed).hasValue(THREADS + QUEUE); // never the refused one
    assertThat(contexts).hasSize(2 * (THREADS + QUEUE)).containsOnly("opened", "closed");
  }

  private void slowHash(AtomicInteger hashed) {
    hashing.release();
    hashDone.join();
    hashed.incrementAndGet();
  }

  private void inAContext(Runnable task) {
    contexts.add("opened");
    try {
      task.run();
    } finally {
      contexts.add("closed");
    }
  }

  /** The pool's gauges as it hands them over, and its refusals. */
  private static final class RecordedGauges extends PasswordHashingGauges {

    private IntSupplier waiting;
    private IntSupplier running;
    private final AtomicInteger rejected = new AtomicInteger();

    @Override
    public void watch(IntSupplier waiting, IntSupplier running) {
      this.waiting = waiting;
      this.running = running;
    }

    @Override
    public void rejected() {
      rejected.incrementAndGet();
    }
  }
}
