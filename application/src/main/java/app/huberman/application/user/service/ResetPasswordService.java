package app.huberman.application.user.service;

import app.huberman.application.shared.ValidationException;
import app.huberman.application.shared.Violations;
import app.huberman.application.shared.port.out.RateLimiterPort;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.user.port.in.ResetPasswordUseCase;
import app.huberman.application.user.port.out.AccessTokenRepository;
import app.huberman.application.user.port.out.AuthenticationCachePort;
import app.huberman.application.user.port.out.CommonPasswordsPort;
import app.huberman.application.user.port.out.PasswordHasherPort;
import app.huberman.application.user.port.out.PasswordResetTokenRepository;
import app.huberman.application.user.port.out.UserEventsPort;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.PasswordHash;
import app.huberman.domain.user.PasswordPolicy;
import app.huberman.domain.user.PasswordResetToken;
import app.huberman.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets a new password with the token of a reset link, once: the reset is deleted with the change,
 * and every bearer token of the user is revoked in the same transaction.
 */
public final class ResetPasswordService implements ResetPasswordUseCase {

  static final String INVALID_TOKEN = "This password reset token is invalid or has expired.";

  private final UserRepository users;
  private final AccessTokenRepository tokens;
  private final PasswordResetTokenRepository resets;
  private final PasswordHasherPort hasher;
  private final PasswordPolicy passwordPolicy;
  private final UserEventsPort events;
  private final AuthenticationCachePort verdicts;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;
  private final PerClientLimit limit;

  public ResetPasswordService(
      UserRepository users,
      AccessTokenRepository tokens,
      PasswordResetTokenRepository resets,
      PasswordHasherPort hasher,
      CommonPasswordsPort commonPasswords,
      RateLimiterPort rateLimiter,
      UserEventsPort events,
      AuthenticationCachePort verdicts,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.users = Objects.requireNonNull(users, "users");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.resets = Objects.requireNonNull(resets, "resets");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.passwordPolicy = new PasswordPolicy(commonPasswords::isCommon);
    this.events = Objects.requireNonNull(events, "events");
    this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.limit = new PerClientLimit(rateLimiter, events);
  }

  @Override
  public void resetPassword(ResetPasswordCommand command) {
    limit.count("reset-password", command.clientIp());
    Violations violations = new Violations();
    String token = violations.required("token", command.token());
    Email email = AccountInput.email(violations, command.email());
    PasswordChecks.check(
        violations, passwordPolicy, command.password(), command.passwordConfirmation());
    violations.throwIfAny();
    PasswordHash newHash = hasher.hash(command.password());
    User user =
        unitOfWork.inTransaction(
            () -> {
              Instant now = clock.instant();
              Optional<PasswordResetToken> pending = resets.findByEmail(email.normalized());
              Optional<User> owner = users.findByEmail(email);
              if (pending.isEmpty()
                  || owner.isEmpty()
                  || pending.get().isExpiredAt(now)
                  || !Secrets.sameHash(pending.get().tokenHash(), Secrets.sha256Hex(token))) {
                throw ValidationException.of("token", INVALID_TOKEN);
              }
              User found = owner.get();
              found.changePassword(newHash, now);
              users.update(found);
              resets.delete(email.normalized());
              tokens.deleteAllOf(found.id());
              return found;
            });
    verdicts.forget(user.id());
    events.passwordResetCompleted(user.id(), command.clientIp());
  }
}
