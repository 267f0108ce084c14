package app.huberman.application.user.port.in;

import app.huberman.domain.user.UserId;

/** Deletes a user's own account, its tokens and personal data, after checking the password. */
public interface DeleteAccountUseCase {

  /**
   * @throws app.huberman.application.shared.ValidationException when the password is missing or
   *     wrong
   * @throws app.huberman.application.shared.RateLimitedException past the login limit
   * @throws app.huberman.application.shared.NotFoundException when the account is gone
   */
  void deleteAccount(DeleteAccountCommand command);

  /** The password confirms it is the owner. */
  record DeleteAccountCommand(UserId userId, String password, String clientIp) {

    @Override
    public String toString() {
      return "DeleteAccountCommand[user=" + userId.value() + ", password=redacted]";
    }
  }
}
