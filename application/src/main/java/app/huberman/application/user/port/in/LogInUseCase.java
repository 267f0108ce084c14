package app.huberman.application.user.port.in;

import java.util.Objects;
import java.util.function.Supplier;

/** Signs a user in with email and password. */
public interface LogInUseCase {

  /**
   * @throws InvalidCredentialsException on a wrong email or password
   * @throws app.huberman.application.shared.ValidationException when a field is missing
   * @throws app.huberman.application.shared.RateLimitedException past 5 failures a minute for this
   *     email from this client
   */
  SignedIn logIn(LogInCommand command);

  /**
   * The first half of {@link #logIn}, for a caller that checks the password later, elsewhere: the
   * fields are validated and the attempt is counted against the password-guess limits now, so a
   * client past them is refused before it waits for a hash.
   *
   * @throws app.huberman.application.shared.ValidationException when a field is missing
   * @throws app.huberman.application.shared.RateLimitedException past the limits of {@link #logIn}
   */
  default Admitted admit(LogInCommand command) {
    return new Admitted(() -> logIn(command), () -> {});
  }

  /**
   * A sign-in whose attempt is counted and whose password is not checked yet.
   *
   * @param check checks the password (tens of milliseconds of a core) and signs in
   * @param giveBack gives the counted attempt back
   */
  record Admitted(Supplier<SignedIn> check, Runnable giveBack) {

    public Admitted {
      Objects.requireNonNull(check, "check");
      Objects.requireNonNull(giveBack, "giveBack");
    }

    /**
     * Checks the password and signs in.
     *
     * @throws InvalidCredentialsException on a wrong email or password
     */
    public SignedIn complete() {
      return check.get();
    }

    /** Gives the counted attempt back: the password will not be checked. */
    public void withdraw() {
      giveBack.run();
    }
  }

  /** Email and password as sent. */
  record LogInCommand(String email, String password, String clientIp) {

    @Override
    public String toString() {
      return "LogInCommand[redacted]";
    }
  }
}
