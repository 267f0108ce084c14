package app.huberman.application.user.service;

import app.huberman.application.shared.RateLimitedException;
import app.huberman.application.shared.port.out.RateLimiterPort;
import app.huberman.application.shared.port.out.RateLimiterPort.RateLimit;
import app.huberman.application.user.port.out.UserEventsPort;
import app.huberman.domain.user.Email;
import java.util.Objects;

/**
 * The limit on guessing an account's password, shared by every check of it (a login, the password
 * that confirms deleting the account or changing its email). Two limits hold at once: {@value
 * RateLimits#ATTEMPTS} failures a minute per account and address group, and {@value
 * RateLimits#ACCOUNT_FAILURES} per {@link RateLimits#ACCOUNT_WINDOW} per account from anywhere.
 *
 * <p>A check is counted before the password is verified, in one atomic step per limit, so parallel
 * requests cannot all pass a count taken before any of them failed; a check whose password was
 * right is then taken back, so only failures stay counted. Built once by the composition root and
 * shared.
 */
public final class PasswordGuessLimit {

  private final RateLimiterPort rateLimiter;
  private final UserEventsPort events;

  public PasswordGuessLimit(RateLimiterPort rateLimiter, UserEventsPort events) {
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    this.events = Objects.requireNonNull(events, "events");
  }

  /**
   * Counts a check of the account's password about to be made.
   *
   * @param action named in the {@code rate_limited} event when refused
   * @throws RateLimitedException past either limit; nothing is counted then
   */
  void count(Email account, String clientIp, String action) {
    String fromThisClient = RateLimits.passwordChecks(account.normalized(), clientIp);
    RateLimit limit = rateLimiter.hit(fromThisClient, RateLimits.ATTEMPTS, RateLimits.WINDOW);
    if (!limit.limited()) {
      limit =
          rateLimiter.hit(
              RateLimits.passwordChecksOfAccount(account.normalized()),
              RateLimits.ACCOUNT_FAILURES,
              RateLimits.ACCOUNT_WINDOW);
      if (!limit.limited()) {
        return;
      }
      rateLimiter.takeBack(fromThisClient);
    }
    events.rateLimited(action, clientIp);
    throw new RateLimitedException(limit.retryAfter());
  }

  /** Takes back a counted check that was not a failed guess (the password was right). */
  void forgive(Email account, String clientIp) {
    rateLimiter.takeBack(RateLimits.passwordChecks(account.normalized(), clientIp));
    rateLimiter.takeBack(RateLimits.passwordChecksOfAccount(account.normalized()));
  }
}
