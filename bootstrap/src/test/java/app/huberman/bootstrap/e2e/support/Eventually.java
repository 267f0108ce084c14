package app.huberman.bootstrap.e2e.support;

import java.time.Duration;
import java.util.function.BooleanSupplier;

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
}
