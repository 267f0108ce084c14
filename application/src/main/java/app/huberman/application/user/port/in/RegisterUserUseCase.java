package app.huberman.application.user.port.in;

/** Opens an account and signs it in. */
public interface RegisterUserUseCase {

  /**
   * @throws app.huberman.application.shared.ValidationException on invalid or taken input
   * @throws app.huberman.application.shared.RateLimitedException past 5 a minute per client
   */
  SignedIn register(RegisterUserCommand command);

  /**
   * @param clientIp the client's address, for rate limits and logs
   */
  record RegisterUserCommand(
      String name, String email, String password, String passwordConfirmation, String clientIp) {

    @Override
    public String toString() {
      return "RegisterUserCommand[redacted]";
    }
  }
}
