package app.huberman.bench;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What every contender's job does: nothing, but it is counted, and the start of a watched job is
 * timed.
 */
final class NoOpWork {

  private final AtomicLong runs = new AtomicLong();
  private final Map<String, CompletableFuture<Long>> watched = new ConcurrentHashMap<>();
  private volatile long target = Long.MAX_VALUE;
  private volatile CountDownLatch reached = new CountDownLatch(1);

  /** A handler started the job {@code id}. */
  void ran(String id) {
    long now = System.nanoTime();
    CompletableFuture<Long> watcher = watched.remove(id);
    if (watcher != null) {
      watcher.complete(now);
    }
    count(1);
  }

  /** A worker ran {@code jobs} jobs it does not tell apart (the raw loop). */
  void ranMany(int jobs) {
    count(jobs);
  }

  private void count(int jobs) {
    if (runs.addAndGet(jobs) >= target) {
      reached.countDown();
    }
  }

  /** Starts counting from zero towards {@code jobs}. */
  void expect(long jobs) {
    runs.set(0);
    reached = new CountDownLatch(1);
    target = jobs;
  }

  /** Waits until the expected number of jobs ran; false on timeout. */
  boolean awaitExpected(long timeout, TimeUnit unit) throws InterruptedException {
    return reached.await(timeout, unit);
  }

  long runs() {
    return runs.get();
  }

  /** Completes with {@link System#nanoTime()} when a handler starts the job {@code id}. */
  CompletableFuture<Long> watch(String id) {
    return watched.computeIfAbsent(id, key -> new CompletableFuture<>());
  }
}
