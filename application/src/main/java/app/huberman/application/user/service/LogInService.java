package app.huberman.application.user.service;

import app.huberman.application.shared.Violations;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.user.port.in.InvalidCredentialsException;
import app.huberman.application.user.port.in.LogInUseCase;
import app.huberman.application.user.port.in.ProfileView;
import app.huberman.application.user.port.in.SignedIn;
import app.huberman.application.user.port.out.PasswordHasherPort;
import app.huberman.application.user.port.out.UserEventsPort;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.PasswordHash;
import app.huberman.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Sign-in with email and password: a new bearer token, and the stored hash made anew when this
 * release hashes with other parameters.
 */
public final class LogInService implements LogInUseCase {

  private final UserRepository users;
  private final PasswordHasherPort hasher;
  private final PasswordGuessLimit guesses;
  private final TokenIssuer issuer;
  private final UserEventsPort events;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public LogInService(
      UserRepository users,
      PasswordHasherPort hasher,
      PasswordGuessLimit guesses,
      TokenIssuer issuer,
      UserEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.users = Objects.requireNonNull(users, "users");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.guesses = Objects.requireNonNull(guesses, "guesses");
    this.issuer = Objects.requireNonNull(issuer, "issuer");
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public SignedIn logIn(LogInCommand command) {
    return admit(command).complete();
  }

  @Override
  public Admitted admit(LogInCommand command) {
    Violations violations = new Violations();
    String rawEmail = violations.required("email", command.email());
    String password = violations.required("password", command.password());
    if (!violations.has("email") && !Email.isValid(rawEmail)) {
      violations.add("email", "The email must be a valid email address.");
    }
    violations.throwIfAny();
    Email email = Email.of(rawEmail);
    String clientIp = command.clientIp();
    guesses.count(email, clientIp, "login");
    return new Admitted(
        () -> checkPassword(email, password, clientIp), () -> guesses.forgive(email, clientIp));
  }

  private SignedIn checkPassword(Email email, String password, String clientIp) {
    Optional<User> found;
    try {
      // Hashing runs outside the transaction: it takes tens of milliseconds.
      found = unitOfWork.readOnly(() -> users.findByEmail(email));
    } catch (RuntimeException e) {
      guesses.forgive(email, clientIp); // an outage is not a guess
      throw e;
    }
    boolean valid;
    if (found.isPresent()) {
      valid = hasher.verify(password, found.get().passwordHash());
    } else {
      hasher.verifyAgainstDummy(password);
      valid = false;
    }
    if (!valid) {
      events.loginFailed(email, clientIp);
      throw new InvalidCredentialsException();
    }
    guesses.forgive(email, clientIp);
    User user = found.get();
    boolean rehash = hasher.needsRehash(user.passwordHash());
    Optional<PasswordHash> newHash = rehash ? Optional.of(hasher.hash(password)) : Optional.empty();
    String token =
        unitOfWork.atomically(
            () -> {
              Instant now = clock.instant();
              // Compare-and-set: reloaded in this transaction, and rewritten only if the stored
              // hash is still the one just verified, so a reset made meanwhile is not undone.
              newHash.ifPresent(
                  hash ->
                      users
                          .findById(user.id())
                          .filter(current -> current.passwordHash().equals(user.passwordHash()))
                          .ifPresent(
                              current -> {
                                current.rehashPassword(hash);
                                users.update(current);
                              }));
              return issuer.issue(user, now);
            });
    events.loginSucceeded(user.id(), clientIp);
    return new SignedIn(ProfileView.of(user), token);
  }
}
