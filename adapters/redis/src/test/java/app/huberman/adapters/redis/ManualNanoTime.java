package app.huberman.adapters.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A monotonic clock the test moves. It starts just below {@link Long#MAX_VALUE}, so the code under
 * test must compare readings by difference, as {@link System#nanoTime()} requires.
 */
public final class ManualNanoTime implements LongSupplier {

  private final AtomicLong now = new AtomicLong(Long.MAX_VALUE - Duration.ofSeconds(30).toNanos());

  @Override
  public long getAsLong() {
    return now.get();
  }

  public void advance(Duration by) {
    now.addAndGet(by.toNanos());
  }
}
