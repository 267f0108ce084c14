package app.huberman.application.user.service;

import app.huberman.application.shared.Violations;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.user.port.in.DeleteAccountUseCase;
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
  private final PasswordResetTokenRepository resets;
  private final PasswordConfirmation passwords;
  private final SignOutEverywhere sessions;
  private final UserEventsPort events;
  private final UnitOfWorkPort unitOfWork;

  public DeleteAccountService(
      UserRepository users,
      PasswordResetTokenRepository resets,
      PasswordConfirmation passwords,
      SignOutEverywhere sessions,
      UserEventsPort events,
      UnitOfWorkPort unitOfWork) {
    this.users = Objects.requireNonNull(users, "users");
    this.resets = Objects.requireNonNull(resets, "resets");
    this.passwords = Objects.requireNonNull(passwords, "passwords");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
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
    unitOfWork.atomically(
        () -> {
          sessions.revokeTokens(user.id());
          resets.delete(user.email().normalized());
          users.delete(user.id());
          return null;
        });
    sessions.forgetVerdicts(user.id());
    events.deleted(user.id(), command.clientIp());
  }
}
