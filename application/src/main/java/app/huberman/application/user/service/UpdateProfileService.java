package app.huberman.application.user.service;

import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.shared.ValidationException;
import app.huberman.application.shared.Violations;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.user.port.in.ProfileView;
import app.huberman.application.user.port.in.UpdateProfileUseCase;
import app.huberman.application.user.port.out.AuthenticationCachePort;
import app.huberman.application.user.port.out.DuplicateEmailException;
import app.huberman.application.user.port.out.PasswordResetTokenRepository;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.User;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Changes the caller's name and email. A new email is confirmed with the password first, voids the
 * reset links of the old address and sends it a notice through the mail queue.
 */
public final class UpdateProfileService implements UpdateProfileUseCase {

  private final UserRepository users;
  private final PasswordResetTokenRepository resets;
  private final PasswordConfirmation passwords;
  private final JobQueuePort jobs;
  private final AuthenticationCachePort verdicts;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public UpdateProfileService(
      UserRepository users,
      PasswordResetTokenRepository resets,
      PasswordConfirmation passwords,
      JobQueuePort jobs,
      AuthenticationCachePort verdicts,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.users = Objects.requireNonNull(users, "users");
    this.resets = Objects.requireNonNull(resets, "resets");
    this.passwords = Objects.requireNonNull(passwords, "passwords");
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public ProfileView updateProfile(UpdateProfileCommand command) {
    Violations violations = new Violations();
    String name = AccountInput.name(violations, command.name());
    Email email = AccountInput.email(violations, command.email());
    violations.throwIfAny();
    User before =
        unitOfWork
            .readOnly(() -> users.findById(command.userId()))
            .orElseThrow(AccountInput::accountGone);
    if (!before.email().normalized().equals(email.normalized())) {
      String password = command.currentPassword();
      if (password == null || password.isEmpty()) {
        throw ValidationException.of(
            "current_password", "The current password is required to change the email.");
      }
      // Outside the transaction: hashing takes tens of milliseconds.
      passwords.confirm(before, password, "current_password", command.clientIp());
    }
    User updated =
        unitOfWork.atomically(
            () -> {
              User user = users.findById(command.userId()).orElseThrow(AccountInput::accountGone);
              Optional<User> owner = users.findByEmail(email);
              if (owner.isPresent() && !owner.get().id().equals(user.id())) {
                throw ValidationException.of("email", AccountInput.EMAIL_TAKEN);
              }
              Optional<Email> previous = user.changeProfile(name, email, clock.instant());
              try {
                users.update(user);
              } catch (DuplicateEmailException e) {
                throw ValidationException.of("email", AccountInput.EMAIL_TAKEN);
              }
              previous.ifPresent(
                  old -> {
                    // A reset link mailed to the old address must not open the account any more.
                    resets.delete(old.normalized());
                    noticeOfEmailChange(user, old);
                  });
              return user;
            });
    verdicts.forget(updated.id());
    return ProfileView.of(updated);
  }

  private void noticeOfEmailChange(User user, Email previous) {
    jobs.enqueue(SendEmailChangedNoticeHandler.jobFor(previous, user.name(), user.email()));
  }
}
