package app.huberman.application.user.service;

import app.huberman.application.shared.ValidationException;
import app.huberman.application.shared.Violations;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.user.port.in.ProfileView;
import app.huberman.application.user.port.in.RegisterUserUseCase;
import app.huberman.application.user.port.in.SignedIn;
import app.huberman.application.user.port.out.DuplicateEmailException;
import app.huberman.application.user.port.out.UserEventsPort;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.PasswordHash;
import app.huberman.domain.user.Role;
import app.huberman.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Opens an account with the user role (never admin, whatever the email) and signs it in. */
public final class RegisterUserService implements RegisterUserUseCase {

  private final UserRepository users;
  private final NewPasswords passwords;
  private final PerClientLimit limit;
  private final TokenIssuer issuer;
  private final UserEventsPort events;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public RegisterUserService(
      UserRepository users,
      NewPasswords passwords,
      PerClientLimit limit,
      TokenIssuer issuer,
      UserEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.users = Objects.requireNonNull(users, "users");
    this.passwords = Objects.requireNonNull(passwords, "passwords");
    this.limit = Objects.requireNonNull(limit, "limit");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public SignedIn register(RegisterUserCommand command) {
    limit.count("register", command.clientIp());
    Violations violations = new Violations();
    String name = AccountInput.name(violations, command.name());
    Email email = AccountInput.email(violations, command.email());
    passwords.check(violations, command.password(), command.passwordConfirmation());
    violations.throwIfAny();
    if (unitOfWork.readOnly(() -> users.findByEmail(email)).isPresent()) {
      throw ValidationException.of("email", AccountInput.EMAIL_TAKEN);
    }
    // Outside the transaction: hashing takes tens of milliseconds.
    PasswordHash hash = passwords.hash(command.password());
    SignedIn signedIn =
        unitOfWork.atomically(
            () -> {
              Instant now = clock.instant();
              User user =
                  User.register(
                      users.nextId(), UUID.randomUUID(), name, email, hash, Role.USER, now);
              addOrRefuse(user);
              return new SignedIn(ProfileView.of(user), issuer.issue(user, now));
            });
    events.registered(signedIn.user().id(), command.clientIp());
    return signedIn;
  }

  private void addOrRefuse(User user) {
    try {
      users.add(user);
    } catch (DuplicateEmailException e) {
      throw ValidationException.of("email", AccountInput.EMAIL_TAKEN);
    }
  }
}
