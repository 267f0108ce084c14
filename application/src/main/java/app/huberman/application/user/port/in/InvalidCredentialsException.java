package app.huberman.application.user.port.in;

/** Wrong email or password: the same answer for both, so accounts cannot be discovered. */
public final class InvalidCredentialsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidCredentialsException() {
    super("Invalid credentials");
  }
}
