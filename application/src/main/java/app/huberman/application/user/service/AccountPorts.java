package app.huberman.application.user.service;

import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.shared.RateLimitedException;
import app.huberman.application.shared.port.out.RateLimiterPort;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.user.port.out.AccessTokenRepository;
import app.huberman.application.user.port.out.AuthenticationCachePort;
import app.huberman.application.user.port.out.CommonPasswordsPort;
import app.huberman.application.user.port.out.PasswordHasherPort;
import app.huberman.application.user.port.out.PasswordResetTokenRepository;
import app.huberman.application.user.port.out.UserEventsPort;
import app.huberman.application.user.port.out.UserRepository;
import java.time.Clock;
import java.util.Objects;

/**
 * The ports the account services ({@link UserAccountService}, {@link PasswordResetService}) share.
 */
public record AccountPorts(
    UserRepository users,
    AccessTokenRepository tokens,
    PasswordResetTokenRepository resets,
    PasswordHasherPort hasher,
    CommonPasswordsPort commonPasswords,
    RateLimiterPort rateLimiter,
    JobQueuePort jobs,
    UserEventsPort events,
    AuthenticationCachePort authenticationCache,
    UnitOfWorkPort unitOfWork,
    Clock clock) {

  public AccountPorts {
    Objects.requireNonNull(users, "users");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(resets, "resets");
    Objects.requireNonNull(hasher, "hasher");
    Objects.requireNonNull(commonPasswords, "commonPasswords");
    Objects.requireNonNull(rateLimiter, "rateLimiter");
    Objects.requireNonNull(jobs, "jobs");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(authenticationCache, "authenticationCache");
    Objects.requireNonNull(unitOfWork, "unitOfWork");
    Objects.requireNonNull(clock, "clock");
  }

  /**
   * Counts an attempt of {@code action} from this client and refuses it past the limit (5 a
   * minute), recording the refusal.
   */
  void limitPerClient(String action, String clientIp) {
    var limit =
        rateLimiter.hit(
            RateLimits.perClient(action, clientIp), RateLimits.ATTEMPTS, RateLimits.WINDOW);
    if (limit.limited()) {
      events.rateLimited(action, clientIp);
      throw new RateLimitedException(limit.retryAfter());
    }
  }
}
