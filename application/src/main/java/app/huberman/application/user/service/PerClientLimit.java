package app.huberman.application.user.service;

import app.huberman.application.shared.RateLimitedException;
import app.huberman.application.shared.port.out.RateLimiterPort;
import app.huberman.application.shared.port.out.RateLimiterPort.RateLimit;
import app.huberman.application.user.port.out.UserEventsPort;
import java.util.Objects;

/**
 * The limit on what anyone may try without an account ({@code register}, {@code forgot-password},
 * {@code reset-password}): {@value RateLimits#ATTEMPTS} attempts a minute per client and action.
 * Built once by the composition root and shared.
 */
public final class PerClientLimit {

  private final RateLimiterPort rateLimiter;
  private final UserEventsPort events;

  public PerClientLimit(RateLimiterPort rateLimiter, UserEventsPort events) {
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    this.events = Objects.requireNonNull(events, "events");
  }

  /**
   * Counts an attempt of {@code action} from this client.
   *
   * @throws RateLimitedException past the limit, recorded as a {@code rate_limited} event
   */
  void count(String action, String clientIp) {
    RateLimit limit =
        rateLimiter.hit(
            RateLimits.perClient(action, clientIp), RateLimits.ATTEMPTS, RateLimits.WINDOW);
    if (limit.limited()) {
      events.rateLimited(action, clientIp);
      throw new RateLimitedException(limit.retryAfter());
    }
  }
}
