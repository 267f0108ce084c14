package app.huberman.application.user.port.in;

/** Forgotten passwords: an emailed single-use link, valid for 60 minutes. */
public interface ResetPasswordUseCase {

  /**
   * Sends a reset link if the email belongs to an account; answers the same either way, so that
   * accounts cannot be discovered. The email goes out through the job queue.
   *
   * @throws app.huberman.application.shared.ValidationException when the email is malformed
   * @throws app.huberman.application.shared.RateLimitedException past 5 a minute per client
   */
  void requestReset(RequestResetCommand command);

  /**
   * Sets the new password and revokes every token of the user.
   *
   * @throws app.huberman.application.shared.ValidationException with {@code token} when the token
   *     is wrong, used or expired, or with the password's problems
   */
  void resetPassword(ResetPasswordCommand command);

  /** The email the reset is asked for. */
  record RequestResetCommand(String email, String clientIp) {}

  /** The token from the link, the email, and the new password twice. */
  record ResetPasswordCommand(
      String token, String email, String password, String passwordConfirmation, String clientIp) {

    @Override
    public String toString() {
      return "ResetPasswordCommand[redacted]";
    }
  }
}
