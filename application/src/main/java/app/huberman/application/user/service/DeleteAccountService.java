package app.huberman.application.user.service;

import app.huberman.application.shared.Violations;
import app.huberman.application.shared.port.out.RateLimiterPort;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.user.port.in.DeleteAccountUseCase;
import app.huberman.application.user.port.out.AccessTokenRepository;
import app.huberman.application.user.port.out.AuthenticationCachePort;
import app.huberman.application.user.port.out.PasswordHasherPort;
import app.huberman.application.user.port.out.PasswordResetTokenRepository;
import app.huberman.application.user.port.out.UserEventsPort;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.domain.user.User;
import java.util.Objects;

/**
 * Deletes the caller's account once the password is confirmed: its tokens, a pending reset and the
 * account (its devices go with it), in one transaction.
 */
public final class DeleteAccountService implements DeleteAccountUseCase {

  private final UserRepository users;
  private final AccessTokenRepository tokens;
  private final PasswordResetTokenRepository resets;
  private final UserEventsPort events;
  private final AuthenticationCachePort verdicts;
  private final UnitOfWorkPort unitOfWork;
  private final PasswordConfirmation passwords;

  public DeleteAccountService(
      UserRepository users,
      AccessTokenRepository tokens,
      PasswordResetTokenRepository resets,
      PasswordHasherPort hasher,
      RateLimiterPort rateLimiter,
      UserEventsPort events,
      AuthenticationCachePort verdicts,
      UnitOfWorkPort unitOfWork) {
    this.users = Objects.requireNonNull(users, "users");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.resets = Objects.requireNonNull(resets, "resets");
    this.events = Objects.requireNonNull(events, "events");
    this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.passwords = new PasswordConfirmation(hasher, rateLimiter, events);
  }

  @Override
  public void deleteAccount(DeleteAccountCommand command) {
    Violations violations = new Violations();
    String password = violations.required("password", command.password());
    violations.throwIfAny();
    User user =
        unitOfWork
            .readOnly(() -> users.findById(command.userId()))
            .orElseThrow(AccountInput::accountGone);
    passwords.confirm(user, password, "password", command.clientIp());
    unitOfWork.inTransaction(
        () -> {
          tokens.deleteAllOf(user.id());
          resets.delete(user.email().normalized());
          users.delete(user.id());
          return null;
        });
    verdicts.forget(user.id());
    events.deleted(user.id(), command.clientIp());
  }
}
