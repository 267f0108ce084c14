package app.huberman.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The three measurements, the same for every contender. */
final class Measure {

  private Measure() {}

  /** Enqueues {@code jobs} jobs in batches, from every thread of {@code threads} at once. */
  static Duration enqueue(
      Contender contender, int jobs, int batchSize, String prefix, ExecutorService threads)
      throws InterruptedException, ExecutionException {
    List<List<String>> batches = new ArrayList<>();
    for (int from = 0; from < jobs; from += batchSize) {
      List<String> ids = new ArrayList<>();
      for (int i = from; i < Math.min(jobs, from + batchSize); i++) {
        ids.add(prefix + i);
      }
      batches.add(ids);
    }
    long start = System.nanoTime();
    List<Future<?>> done = new ArrayList<>();
    for (List<String> batch : batches) {
      done.add(threads.submit(() -> contender.enqueueBatch(batch)));
    }
    for (Future<?> batch : done) {
      batch.get();
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * Starts the workers on a full queue and waits until every job ran and the table is empty. Leaves
   * the workers running.
   */
  static Duration process(Contender contender, NoOpWork work, int jobs, BenchDatabase database)
      throws InterruptedException {
    work.expect(jobs);
    long start = System.nanoTime();
    contender.startWorkers();
    if (!work.awaitExpected(10, TimeUnit.MINUTES)) {
      throw new IllegalStateException(
          contender.name() + " ran " + work.runs() + " of " + jobs + " jobs in 10 minutes");
    }
    database.awaitEmpty(contender.table(), 1, TimeUnit.MINUTES);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /**
   * With the workers idle, enqueues one job at a time and times it from just before the commit to
   * the start of its handler; waits 20 to 50 ms between jobs so that every worker is idle again.
   */
  static Latencies idleStart(Contender contender, NoOpWork work, int samples, String prefix)
      throws InterruptedException, ExecutionException, TimeoutException {
    SplittableRandom pauses = new SplittableRandom(42);
    double[] millis = new double[samples];
    for (int i = 0; i < samples; i++) {
      Thread.sleep(20 + pauses.nextInt(31));
      String id = prefix + i;
      CompletableFuture<Long> started = work.watch(id);
      long beforeCommit = contender.enqueueOne(id);
      long startedAt = started.get(10, TimeUnit.SECONDS);
      millis[i] = (startedAt - beforeCommit) / 1e6;
    }
    return new Latencies(millis);
  }
}
