package app.huberman.adapters.redis.ratelimit;

import app.huberman.application.shared.port.out.RateLimiterPort.RateLimit;
import java.time.Duration;
import java.util.Objects;

/** What both limiters share: the arguments they accept and how a refusal is answered. */
final class SlidingWindow {

  /** Redis keeps attempts in microseconds and expires keys in milliseconds. */
  static final Duration SHORTEST = Duration.ofMillis(1);

  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private SlidingWindow() {}

  static void requireValid(String key, int limit, Duration window) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(window, "window");
    if (key.isBlank()) {
      throw new IllegalArgumentException("A rate-limit key must not be blank");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("A rate limit allows at least one attempt: " + limit);
    }
    if (window.compareTo(SHORTEST) < 0) {
      throw new IllegalArgumentException("A rate-limit window lasts at least 1 ms: " + window);
    }
  }

  /**
   * A refusal that lifts after {@code remainingNanos}, rounded up to whole seconds (what {@code
   * Retry-After} can say) and at least one second.
   *
   * @param limit the attempts the window allows
   */
  static RateLimit refusedFor(int limit, long remainingNanos) {
    long seconds = Math.max(1, Math.ceilDiv(remainingNanos, NANOS_PER_SECOND));
    return RateLimit.refused(limit, Duration.ofSeconds(seconds));
  }
}
