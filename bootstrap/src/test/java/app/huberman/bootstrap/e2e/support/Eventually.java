package app.huberman.bootstrap.e2e.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a condition of a running system until it holds or the patience runs out. */
public final class Eventually {

  private Eventually() {}

  public static boolean holds(Duration patience, BooleanSupplier condition) {
    long deadline = System.nanoTime() + patience.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }

  /** Asks until the answer is good or the patience runs out; the last answer either way. */
  public static <T> T answer(Duration patience, Supplier<T> ask, Predicate<T> good) {
    long deadline = System.nanoTime() + patience.toNanos();
    T answer = ask.get();
    while (!good.test(answer) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return answer;
      }
      answer = ask.get();
    }
    return answer;
  }
}
