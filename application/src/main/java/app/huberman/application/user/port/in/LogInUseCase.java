package app.huberman.application.user.port.in;

/** Signs a user in with email and password. */
public interface LogInUseCase {

  /**
   * @throws InvalidCredentialsException on a wrong email or password
   * @throws app.huberman.application.shared.ValidationException when a field is missing
   * @throws app.huberman.application.shared.RateLimitedException past 5 failures a minute for this
   *     email from this client
   */
  SignedIn logIn(LogInCommand command);

  /** Email and password as sent. */
  record LogInCommand(String email, String password, String clientIp) {

    @Override
    public String toString() {
      return "LogInCommand[redacted]";
    }
  }
}
