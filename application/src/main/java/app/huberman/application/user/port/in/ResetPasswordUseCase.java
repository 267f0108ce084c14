package app.huberman.application.user.port.in;

/**
 * Sets a forgotten password anew with the token of an emailed link ({@link
 * RequestPasswordResetUseCase}), and revokes every token of the user.
 */
public interface ResetPasswordUseCase {

  /**
   * @throws app.huberman.application.shared.ValidationException with {@code token} when the token
   *     is wrong, used or expired, or with the password's problems
   * @throws app.huberman.application.shared.RateLimitedException past 5 a minute per client
   */
  void resetPassword(ResetPasswordCommand command);

  /** The token from the link, the email, and the new password twice. */
  record ResetPasswordCommand(
      String token, String email, String password, String passwordConfirmation, String clientIp) {

    @Override
    public String toString() {
      return "ResetPasswordCommand[redacted]";
    }
  }
}
