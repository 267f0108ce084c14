package app.huberman.application.user.service;

import app.huberman.application.shared.RateLimitedException;
import app.huberman.application.shared.ValidationException;
import app.huberman.application.shared.port.out.RateLimiterPort;
import app.huberman.application.shared.port.out.RateLimiterPort.RateLimit;
import app.huberman.application.user.port.out.PasswordHasherPort;
import app.huberman.application.user.port.out.UserEventsPort;
import app.huberman.domain.user.User;
import java.util.Objects;

/**
 * A signed-in user confirms a sensitive change (deleting the account, changing the email) with the
 * password. Every such check answers whether a password is right, so it goes through the login
 * limiter: its failures count with the login failures for the same account and address, and once
 * they reach the limit the check is refused (429) before the password is looked at.
 */
final class PasswordConfirmation {

  static final String INCORRECT = "The password is incorrect.";

  private final PasswordHasherPort hasher;
  private final RateLimiterPort rateLimiter;
  private final UserEventsPort events;

  PasswordConfirmation(
      PasswordHasherPort hasher, RateLimiterPort rateLimiter, UserEventsPort events) {
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    this.events = Objects.requireNonNull(events, "events");
  }

  /**
   * @param field the request field the password came in, for the 422's {@code errors}
   * @throws RateLimitedException past the login limit
   * @throws ValidationException when the password is wrong
   */
  void confirm(User user, String password, String field, String clientIp) {
    String key = RateLimits.loginFailures(user.email().normalized(), clientIp);
    RateLimit limit = rateLimiter.check(key, RateLimits.ATTEMPTS, RateLimits.WINDOW);
    if (limit.limited()) {
      events.rateLimited("password_check", clientIp);
      throw new RateLimitedException(limit.retryAfter());
    }
    if (!hasher.verify(password, user.passwordHash())) {
      rateLimiter.hit(key, RateLimits.ATTEMPTS, RateLimits.WINDOW);
      throw ValidationException.of(field, INCORRECT);
    }
  }
}
