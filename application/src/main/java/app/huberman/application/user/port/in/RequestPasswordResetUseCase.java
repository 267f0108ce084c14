package app.huberman.application.user.port.in;

/**
 * Sends a link to choose a new password (single-use, valid for 60 minutes) if the email belongs to
 * an account; answers the same either way, so that accounts cannot be discovered. The email goes
 * out through the job queue.
 */
public interface RequestPasswordResetUseCase {

  /**
   * @throws app.huberman.application.shared.ValidationException when the email is malformed
   * @throws app.huberman.application.shared.RateLimitedException past 5 a minute per client
   */
  void requestReset(RequestPasswordResetCommand command);

  /** The email the reset is asked for. */
  record RequestPasswordResetCommand(String email, String clientIp) {}
}
