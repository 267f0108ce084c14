package app.huberman.application.shared.port.out;

import java.time.Duration;
import java.util.Objects;

/**
 * Counts attempts per key in a sliding window shared by all instances. Implementations degrade to a
 * per-instance count when the shared store is down; they never fail the request.
 *
 * <p>Semantics, for a key, a {@code limit} and a {@code window}:
 *
 * <ul>
 *   <li>An attempt counts while it is younger than {@code window}: the window slides with time, it
 *       is not a fixed bucket.
 *   <li>{@link #check} counts nothing. It answers limited when the attempts inside the window are
 *       {@code >= limit}: one more attempt now would be refused.
 *   <li>{@link #hit} records an attempt unless it is refused. It answers limited when the attempts
 *       inside the window, this one included, would be {@code > limit}: with a limit of 5 the first
 *       five hits pass and the sixth is refused.
 *   <li>A refused hit is not recorded. A client that keeps trying while limited does not push its
 *       own release further away: it is allowed again once its oldest accepted attempt leaves the
 *       window, at the latest one window after its last accepted attempt.
 *   <li>{@link #takeBack} removes the newest attempt inside the window, if any: an attempt recorded
 *       before its outcome was known (a password check) that turned out not to count.
 *   <li>{@code retryAfter}, when limited, is the time until enough attempts have left the window
 *       for one more to be allowed (usually the oldest one leaving), rounded up to whole seconds
 *       and at least one second. It is zero when not limited.
 * </ul>
 *
 * <p>Keys hold no personal data: callers hash anything personal (emails) before building a key.
 */
public interface RateLimiterPort {

  /** The state of the key without counting an attempt: limited when another would be refused. */
  RateLimit check(String key, int limit, Duration window);

  /** Records an attempt unless it is refused: limited when this attempt is refused. */
  RateLimit hit(String key, int limit, Duration window);

  /** Removes the newest attempt recorded under the key, if any. */
  void takeBack(String key);

  /**
   * @param limited for {@link #check}, another attempt now would be refused; for {@link #hit}, this
   *     attempt is refused (and was not recorded)
   * @param retryAfter when an attempt is allowed again, in whole seconds and at least one second
   *     when limited; zero when not limited
   * @param limit the attempts the window allows
   * @param remaining how many more attempts the window allows now (after this one, for a hit that
   *     was recorded); zero when limited
   */
  record RateLimit(boolean limited, Duration retryAfter, int limit, int remaining) {

    public RateLimit {
      Objects.requireNonNull(retryAfter, "retryAfter");
      if (limit < 1 || remaining < 0 || remaining > limit) {
        throw new IllegalArgumentException(
            "A rate limit allows at least one attempt and has 0 to limit remaining: "
                + remaining
                + " of "
                + limit);
      }
      if (limited != (remaining == 0 && !retryAfter.isZero())) {
        throw new IllegalArgumentException(
            "Limited exactly when nothing remains and a retry delay is given");
      }
    }

    /** Allowed, with {@code remaining} more attempts left in the window. */
    public static RateLimit allowed(int limit, int remaining) {
      return new RateLimit(false, Duration.ZERO, limit, remaining);
    }

    /** Refused until {@code retryAfter} has passed. */
    public static RateLimit refused(int limit, Duration retryAfter) {
      return new RateLimit(true, retryAfter, limit, 0);
    }
  }
}
