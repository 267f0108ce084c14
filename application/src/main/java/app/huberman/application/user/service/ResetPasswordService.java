package app.huberman.application.user.service;

import app.huberman.application.shared.ValidationException;
import app.huberman.application.shared.Violations;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.user.port.in.ResetPasswordUseCase;
import app.huberman.application.user.port.out.PasswordResetTokenRepository;
import app.huberman.application.user.port.out.UserEventsPort;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.PasswordHash;
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
  private final PasswordResetTokenRepository resets;
  private final NewPasswords passwords;
  private final PerClientLimit limit;
  private final SignOutEverywhere sessions;
  private final UserEventsPort events;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public ResetPasswordService(
      UserRepository users,
      PasswordResetTokenRepository resets,
      NewPasswords passwords,
      PerClientLimit limit,
      SignOutEverywhere sessions,
      UserEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.users = Objects.requireNonNull(users, "users");
    this.resets = Objects.requireNonNull(resets, "resets");
    this.passwords = Objects.requireNonNull(passwords, "passwords");
    this.limit = Objects.requireNonNull(limit, "limit");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void resetPassword(ResetPasswordCommand command) {
    limit.count("reset-password", command.clientIp());
    Violations violations = new Violations();
    String token = violations.required("token", command.token());
    Email email = AccountInput.email(violations, command.email());
    passwords.check(violations, command.password(), command.passwordConfirmation());
    violations.throwIfAny();
    PasswordHash newHash = passwords.hash(command.password());
    User user =
        unitOfWork.atomically(
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
              sessions.revokeTokens(found.id());
              return found;
            });
    sessions.forgetVerdicts(user.id());
    events.passwordResetCompleted(user.id(), command.clientIp());
  }
}
