package app.huberman.application.user.service;

import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.shared.NotFoundException;
import app.huberman.application.shared.ValidationException;
import app.huberman.application.shared.Violations;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.user.port.in.Authenticated;
import app.huberman.application.user.port.in.ManageProfileUseCase;
import app.huberman.application.user.port.in.RegisterUserUseCase;
import app.huberman.application.user.port.in.SignedIn;
import app.huberman.application.user.port.out.AccessTokenRepository;
import app.huberman.application.user.port.out.AuthenticationCachePort;
import app.huberman.application.user.port.out.DuplicateEmailException;
import app.huberman.application.user.port.out.PasswordHasherPort;
import app.huberman.application.user.port.out.PasswordResetTokenRepository;
import app.huberman.application.user.port.out.UserEventsPort;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.PasswordHash;
import app.huberman.domain.user.PasswordPolicy;
import app.huberman.domain.user.Role;
import app.huberman.domain.user.User;
import app.huberman.domain.user.UserId;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Accounts: registration, the profile and deletion. */
public final class UserAccountService implements RegisterUserUseCase, ManageProfileUseCase {

  static final String EMAIL_TAKEN = "The email has already been taken.";

  private final UserRepository users;
  private final AccessTokenRepository tokens;
  private final PasswordResetTokenRepository resets;
  private final PasswordHasherPort hasher;
  private final PasswordPolicy passwordPolicy;
  private final AccountPorts ports;
  private final JobQueuePort jobs;
  private final UserEventsPort events;
  private final AuthenticationCachePort revocations;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;
  private final TokenIssuer issuer;
  private final PasswordConfirmation passwords;

  public UserAccountService(AccountPorts ports, UserSettings settings) {
    this.users = ports.users();
    this.tokens = ports.tokens();
    this.resets = ports.resets();
    this.hasher = ports.hasher();
    this.passwordPolicy = new PasswordPolicy(ports.commonPasswords()::isCommon);
    this.jobs = ports.jobs();
    this.events = ports.events();
    this.revocations = ports.authenticationCache();
    this.unitOfWork = ports.unitOfWork();
    this.clock = ports.clock();
    this.ports = ports;
    this.issuer =
        new TokenIssuer(ports.tokens(), Objects.requireNonNull(settings, "settings").tokenTtl());
    this.passwords = new PasswordConfirmation(ports.hasher(), ports.rateLimiter(), ports.events());
  }

  @Override
  public SignedIn register(RegisterUserCommand command) {
    ports.limitPerClient("register", command.clientIp());
    Violations violations = new Violations();
    String name = checkedName(violations, command.name());
    Email email = checkedEmail(violations, command.email());
    PasswordChecks.check(
        violations, passwordPolicy, command.password(), command.passwordConfirmation());
    violations.throwIfAny();
    if (unitOfWork.readOnly(() -> users.findByEmail(email)).isPresent()) {
      throw ValidationException.of("email", EMAIL_TAKEN);
    }
    PasswordHash hash = hasher.hash(command.password());
    SignedIn signedIn =
        unitOfWork.inTransaction(
            () -> {
              var now = clock.instant();
              User user =
                  User.register(
                      users.nextId(), UUID.randomUUID(), name, email, hash, Role.USER, now);
              addOrRefuse(user);
              return new SignedIn(user, issuer.issue(user, now));
            });
    events.registered(signedIn.user().id(), command.clientIp());
    return signedIn;
  }

  private void addOrRefuse(User user) {
    try {
      users.add(user);
    } catch (DuplicateEmailException e) {
      throw ValidationException.of("email", EMAIL_TAKEN);
    }
  }

  @Override
  public User profile(UserId userId) {
    return unitOfWork.readOnly(() -> users.findById(userId)).orElseThrow(UserAccountService::gone);
  }

  @Override
  public User profile(Authenticated caller) {
    return caller.account();
  }

  @Override
  public User updateProfile(UpdateProfileCommand command) {
    Violations violations = new Violations();
    String name = checkedName(violations, command.name());
    Email email = checkedEmail(violations, command.email());
    violations.throwIfAny();
    User before = profile(command.userId());
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
        unitOfWork.inTransaction(
            () -> {
              User user = users.findById(command.userId()).orElseThrow(UserAccountService::gone);
              Optional<User> owner = users.findByEmail(email);
              if (owner.isPresent() && !owner.get().id().equals(user.id())) {
                throw ValidationException.of("email", EMAIL_TAKEN);
              }
              Optional<Email> previous = user.changeProfile(name, email, clock.instant());
              try {
                users.update(user);
              } catch (DuplicateEmailException e) {
                throw ValidationException.of("email", EMAIL_TAKEN);
              }
              previous.ifPresent(
                  old -> {
                    // A reset link mailed to the old address must not open the account any more.
                    resets.delete(old.normalized());
                    noticeOfEmailChange(user, old);
                  });
              return user;
            });
    revocations.forget(updated.id());
    return updated;
  }

  private void noticeOfEmailChange(User user, Email previous) {
    jobs.enqueue(
        SendEmailChangedNoticeHandler.TYPE,
        JobPayload.of(
            1,
            Map.of(
                "to", previous.value(),
                "name", user.name(),
                "new_email_masked", user.email().masked())),
        JobOptions.defaults().onQueue(MailQueue.NAME));
  }

  @Override
  public void deleteAccount(DeleteAccountCommand command) {
    Violations violations = new Violations();
    String password = violations.required("password", command.password());
    violations.throwIfAny();
    User user = profile(command.userId());
    passwords.confirm(user, password, "password", command.clientIp());
    unitOfWork.inTransaction(
        () -> {
          tokens.deleteAllOf(user.id());
          resets.delete(user.email().normalized());
          users.delete(user.id());
          return null;
        });
    revocations.forget(user.id());
    events.deleted(user.id(), command.clientIp());
  }

  private static String checkedName(Violations violations, String name) {
    String required = violations.required("name", name);
    if (required != null && !required.isBlank() && required.strip().length() > 255) {
      violations.add("name", "The name must not be longer than 255 characters.");
    }
    return required == null ? null : required.strip();
  }

  static Email checkedEmail(Violations violations, String email) {
    String required = violations.required("email", email);
    if (required == null || required.isBlank()) {
      return null;
    }
    if (!Email.isValid(required)) {
      violations.add("email", "The email must be a valid email address.");
      return null;
    }
    return Email.of(required);
  }

  private static NotFoundException gone() {
    return new NotFoundException("The account no longer exists.");
  }
}
