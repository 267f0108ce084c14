package app.huberman.application.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Runs tasks that race each other, for tests of what concurrent requests do. */
public final class Race {

  private Race() {}

  /** Runs each task on a thread of its own, all started at once, and gives their answers. */
  public static <T> List<T> of(List<Callable<T>> tasks) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
    try {
      List<Future<T>> answers = new ArrayList<>();
      for (Callable<T> task : tasks) {
        answers.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> answer : answers) {
        results.add(answer.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
