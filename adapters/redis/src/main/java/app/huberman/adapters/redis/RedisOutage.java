package app.huberman.adapters.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Tracks whether Redis is failing, for each use of Redis that degrades (rate limiter, entitlement
 * cache): a small circuit breaker and a throttle on reporting. Each user keeps its own.
 *
 * <p>After a failure, calls skip Redis for {@link #PAUSE}, so a Redis that does not answer costs
 * one request its timeout every pause instead of adding it to every request. When the pause is
 * over, one call tries Redis again (the others keep to the fallback meanwhile); if Redis answers,
 * every call uses it again. Failures are reported at most once per {@link #REPORT_EVERY}.
 */
public final class RedisOutage {

  public static final Duration PAUSE = Duration.ofSeconds(2);
  public static final Duration REPORT_EVERY = Duration.ofSeconds(10);

  private final LongSupplier nanoTime;
  private final AtomicReference<Paused> paused = new AtomicReference<>();
  private final AtomicLong lastReport;

  /**
   * @param nanoTime a monotonic clock in nanoseconds, like {@link System#nanoTime()}
   */
  public RedisOutage(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
    this.lastReport = new AtomicLong(nanoTime.getAsLong() - REPORT_EVERY.toNanos());
  }

  /** Whether this call should go to Redis. */
  public boolean tryRedis() {
    Paused current = paused.get();
    if (current == null) {
      return true;
    }
    long now = nanoTime.getAsLong();
    if (now - current.until() < 0) {
      return false;
    }
    // The pause is over: the call that wins this race tries Redis; the others wait one more pause.
    return paused.compareAndSet(current, new Paused(now + PAUSE.toNanos()));
  }

  /**
   * Ends a pause after Redis answered.
   *
   * @return whether Redis was paused, i.e. this answer ends an outage
   */
  public boolean redisAnswered() {
    return paused.getAndSet(null) != null;
  }

  /**
   * Pauses the use of Redis.
   *
   * @return whether this failure is to be reported
   */
  public boolean redisFailed() {
    long now = nanoTime.getAsLong();
    paused.set(new Paused(now + PAUSE.toNanos()));
    long last = lastReport.get();
    return now - last >= REPORT_EVERY.toNanos() && lastReport.compareAndSet(last, now);
  }

  /** Redis is skipped until {@code until}, in the clock's nanoseconds. */
  private record Paused(long until) {}
}
