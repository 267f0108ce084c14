package app.huberman.adapters.redis.ratelimit;

import app.huberman.application.shared.port.out.RateLimiterPort;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * A sliding window per key in this instance's memory, with the semantics of {@link
 * RateLimiterPort}. It is what {@link RedissonRateLimiter} falls back to while Redis is down, and
 * it works on its own (tests, a single instance).
 *
 * <p>Thread-safe: each key is updated atomically. Time is {@link System#nanoTime()}, which does not
 * jump with the wall clock. Memory stays bounded: a key is dropped once its newest attempt has left
 * the window (checked at most once a second, on the calling thread), and at most {@code maxKeys}
 * keys are held; while that many are live, a hit on a key not yet held is allowed without being
 * recorded (the limiter fails open rather than refusing clients it cannot track).
 */
public final class InMemoryRateLimiter implements RateLimiterPort {

  static final int DEFAULT_MAX_KEYS = 100_000;
  static final Duration SWEEP_EVERY = Duration.ofSeconds(1);

  private final LongSupplier nanoTime;
  private final int maxKeys;
  private final ConcurrentHashMap<String, Attempts> byKey = new ConcurrentHashMap<>();
  private final AtomicLong lastSweep;

  public InMemoryRateLimiter() {
    this(System::nanoTime, DEFAULT_MAX_KEYS);
  }

  /**
   * @param nanoTime a monotonic clock in nanoseconds, like {@link System#nanoTime()}
   * @param maxKeys how many keys may be held at once
   */
  InMemoryRateLimiter(LongSupplier nanoTime, int maxKeys) {
    if (maxKeys < 1) {
      throw new IllegalArgumentException("maxKeys must be positive: " + maxKeys);
    }
    this.nanoTime = nanoTime;
    this.maxKeys = maxKeys;
    this.lastSweep = new AtomicLong(nanoTime.getAsLong());
  }

  @Override
  public RateLimit check(String key, int limit, Duration window) {
    return limit(false, key, limit, window);
  }

  @Override
  public RateLimit hit(String key, int limit, Duration window) {
    return limit(true, key, limit, window);
  }

  @Override
  public void takeBack(String key) {
    byKey.computeIfPresent(
        key,
        (k, attempts) -> {
          attempts.forgetNewest();
          return attempts.isEmpty() ? null : attempts;
        });
  }

  /**
   * @param record whether this is a hit (recorded unless refused) rather than a check
   */
  private RateLimit limit(boolean record, String key, int limit, Duration window) {
    SlidingWindow.requireValid(key, limit, window);
    sweepIfDue();
    long windowNanos = window.toNanos();
    // A key not held has no attempts: a check leaves the whole limit, a hit takes one.
    RateLimit[] answer = {RateLimit.allowed(limit, record ? limit - 1 : limit)};
    byKey.compute(
        key,
        (k, held) -> {
          if (held == null && (!record || byKey.size() >= maxKeys)) {
            return null;
          }
          Attempts attempts = held == null ? new Attempts() : held;
          // Read inside the key's lock, so each key's attempts are recorded in time order.
          long now = nanoTime.getAsLong();
          attempts.forgetOlderThan(now, windowNanos);
          answer[0] =
              record
                  ? attempts.admit(now, limit, windowNanos)
                  : attempts.state(now, limit, windowNanos);
          return attempts.isEmpty() ? null : attempts;
        });
    return answer[0];
  }

  /** How many keys are held; for tests. */
  int keys() {
    return byKey.size();
  }

  private void sweepIfDue() {
    long now = nanoTime.getAsLong();
    long last = lastSweep.get();
    if (now - last < SWEEP_EVERY.toNanos() || !lastSweep.compareAndSet(last, now)) {
      return;
    }
    for (String key : byKey.keySet()) {
      byKey.computeIfPresent(
          key, (k, attempts) -> attempts.over(nanoTime.getAsLong()) ? null : attempts);
    }
  }

  /** The accepted attempts of one key, oldest first; guarded by the map's lock on the key. */
  private static final class Attempts {

    private final ArrayDeque<Long> times = new ArrayDeque<>();
    private long newestLeavesAt;

    void forgetOlderThan(long now, long windowNanos) {
      while (!times.isEmpty() && now - times.peekFirst() >= windowNanos) {
        times.removeFirst();
      }
    }

    /** Limited when one more attempt would be refused. */
    RateLimit state(long now, int limit, long windowNanos) {
      int count = times.size();
      if (count < limit) {
        return RateLimit.allowed(limit, limit - count);
      }
      // One more is allowed once count - limit + 1 attempts have left: wait for the last of them.
      Iterator<Long> oldestFirst = times.iterator();
      for (int skip = count - limit; skip > 0; skip--) {
        oldestFirst.next();
      }
      return SlidingWindow.refusedFor(limit, oldestFirst.next() + windowNanos - now);
    }

    /** Records the attempt unless it is refused. */
    RateLimit admit(long now, int limit, long windowNanos) {
      RateLimit state = state(now, limit, windowNanos);
      if (state.limited()) {
        return state;
      }
      times.addLast(now);
      newestLeavesAt = now + windowNanos;
      return RateLimit.allowed(limit, state.remaining() - 1);
    }

    void forgetNewest() {
      times.pollLast();
    }

    boolean isEmpty() {
      return times.isEmpty();
    }

    /** Whether every attempt has left its window, so the key can be dropped. */
    boolean over(long now) {
      return times.isEmpty() || now - newestLeavesAt >= 0;
    }
  }
}
