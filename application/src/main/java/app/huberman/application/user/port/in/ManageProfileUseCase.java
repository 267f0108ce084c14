package app.huberman.application.user.port.in;

import app.huberman.domain.user.User;
import app.huberman.domain.user.UserId;

/** A user's own account: read it, change name and email, delete it. */
public interface ManageProfileUseCase {

  /**
   * @throws app.huberman.application.shared.NotFoundException when the account is gone
   */
  User profile(UserId userId);

  /**
   * The caller's own account as read when their token was checked (at most a second ago; a change
   * made through this instance shows at once).
   */
  User profile(Authenticated caller);

  /**
   * Changes name and email; a changed email gets a notice at the old address.
   *
   * @throws app.huberman.application.shared.ValidationException on invalid or taken input
   */
  User updateProfile(UpdateProfileCommand command);

  /**
   * Deletes the account, its tokens and personal data, after checking the password.
   *
   * @throws app.huberman.application.shared.ValidationException when the password is wrong
   */
  void deleteAccount(DeleteAccountCommand command);

  /** The new name and email. */
  record UpdateProfileCommand(UserId userId, String name, String email) {}

  /** The password confirms it is the owner. */
  record DeleteAccountCommand(UserId userId, String password, String clientIp) {

    @Override
    public String toString() {
      return "DeleteAccountCommand[user=" + userId.value() + ", password=redacted]";
    }
  }
}
