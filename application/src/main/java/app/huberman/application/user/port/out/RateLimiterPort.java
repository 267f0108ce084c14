package app.huberman.application.user.port.out;

import java.time.Duration;

/**
 * Counts attempts per key in a sliding window shared by all instances. Implementations degrade to a
 * per-instance count when the shared store is down; they never fail the request.
 */
public interface RateLimiterPort {

  /** The state of the key without counting an attempt. */
  RateLimit check(String key, int limit, Duration window);

  /** Counts an attempt and returns the state after it. */
  RateLimit hit(String key, int limit, Duration window);

  /**
   * @param limited whether the limit is reached: the next attempt must be refused
   * @param retryAfter when an attempt is allowed again; zero when not limited
   */
  record RateLimit(boolean limited, Duration retryAfter) {

    public static final RateLimit ALLOWED = new RateLimit(false, Duration.ZERO);
  }
}
