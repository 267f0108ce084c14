package app.huberman.application.shared;

import app.huberman.application.shared.port.out.RateLimiterPort;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Counts hits per key, with no time window (tests are faster than a minute). */
public final class CountingRateLimiter implements RateLimiterPort {

  public static final Duration RETRY_AFTER = Duration.ofSeconds(42);

  private final Map<String, Integer> hits = new HashMap<>();

  @Override
  public RateLimit check(String key, int limit, Duration window) {
    int count = hits.getOrDefault(key, 0);
    return count >= limit
        ? RateLimit.refused(limit, RETRY_AFTER)
        : RateLimit.allowed(limit, limit - count);
  }

  @Override
  public RateLimit hit(String key, int limit, Duration window) {
    int count = hits.getOrDefault(key, 0);
    if (count >= limit) {
      return RateLimit.refused(limit, RETRY_AFTER);
    }
    hits.put(key, count + 1);
    return RateLimit.allowed(limit, limit - count - 1);
  }

  @Override
  public void takeBack(String key) {
    hits.computeIfPresent(key, (k, count) -> count > 1 ? count - 1 : null);
  }
}
