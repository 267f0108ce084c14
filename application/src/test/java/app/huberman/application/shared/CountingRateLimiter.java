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
    return hits.getOrDefault(key, 0) >= limit
        ? new RateLimit(true, RETRY_AFTER)
        : RateLimit.ALLOWED;
  }

  @Override
  public RateLimit hit(String key, int limit, Duration window) {
    if (hits.getOrDefault(key, 0) >= limit) {
      return new RateLimit(true, RETRY_AFTER);
    }
    hits.merge(key, 1, Integer::sum);
    return RateLimit.ALLOWED;
  }

  @Override
  public void takeBack(String key) {
    hits.computeIfPresent(key, (k, count) -> count > 1 ? count - 1 : null);
  }
}
