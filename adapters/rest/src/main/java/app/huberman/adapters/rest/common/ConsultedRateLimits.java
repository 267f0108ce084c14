package app.huberman.adapters.rest.common;

import jakarta.enterprise.context.RequestScoped;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rate limits one request consulted, by limiter key, for the {@code X-RateLimit-*} headers of
 * its response (see {@link RateLimitHeadersFilter}). Filled by whatever stands between the use
 * cases and the rate limiter; a request that consulted none gets no headers.
 */
@RequestScoped
public class ConsultedRateLimits {

  private final Map<String, Consulted> byKey = new HashMap<>();

  /** The state of one limit after the request's latest attempt under its key. */
  public record Consulted(int limit, int remaining) {}

  /** The latest answer for {@code key}: {@code remaining} of {@code limit} attempts left. */
  public synchronized void consulted(String key, int limit, int remaining) {
    byKey.put(key, new Consulted(limit, remaining));
  }

  /** An attempt under {@code key} was given back: one more remains. */
  public synchronized void gaveBack(String key) {
    byKey.computeIfPresent(
        key,
        (k, held) -> new Consulted(held.limit(), Math.min(held.limit(), held.remaining() + 1)));
  }

  /** What this request consulted so far, for the thread that goes on serving it. */
  public synchronized Map<String, Consulted> handOver() {
    return Map.copyOf(byKey);
  }

  /** Takes over what the request consulted on the thread that served it before. */
  public synchronized void takeOver(Map<String, Consulted> consulted) {
    byKey.putAll(consulted);
  }

  /**
   * The limit closest to refusing this client: fewest attempts remaining, then the smaller limit.
   */
  public synchronized Optional<Consulted> tightest() {
    return byKey.values().stream()
        .min(Comparator.comparingInt(Consulted::remaining).thenComparingInt(Consulted::limit));
  }
}
