package app.huberman.application.user.port.out;

import app.huberman.domain.user.Email;
import app.huberman.domain.user.UserId;

/**
 * Records what happens to accounts (log events and metrics). Implementations never write an email
 * in clear for failures, nor any password, token or link.
 */
public interface UserEventsPort {

  void registered(UserId user, String clientIp);

  void loginSucceeded(UserId user, String clientIp);

  void loginFailed(Email attempted, String clientIp);

  void rateLimited(String action, String clientIp);

  void loggedOut(UserId user, String clientIp);

  void passwordResetRequested(Email requested, String clientIp);

  void passwordResetCompleted(UserId user, String clientIp);

  void deleted(UserId user, String clientIp);
}
