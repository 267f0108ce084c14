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
   * Changes name and email. Changing the email needs the current password (a stolen token alone
   * must not be enough to take the account over through a password reset at a new address); the old
   * address gets a notice, and reset links sent to it stop working.
   *
   * @throws app.huberman.application.shared.ValidationException on invalid or taken input, or a
   *     missing or wrong current password
   * @throws app.huberman.application.shared.RateLimitedException past the login limit
   */
  User updateProfile(UpdateProfileCommand command);

  /**
   * Deletes the account, its tokens and personal data, after checking the password.
   *
   * @throws app.huberman.application.shared.ValidationException when the password is wrong
   * @throws app.huberman.application.shared.RateLimitedException past the login limit
   */
  void deleteAccount(DeleteAccountCommand command);

  /** The new name and email, and the current password when the email changes. */
  record UpdateProfileCommand(
      UserId userId, String name, String email, String currentPassword, String clientIp) {

    @Override
    public String toString() {
      return "UpdateProfileCommand[user=" + userId.value() + ", currentPassword=redacted]";
    }
  }

  /** The password confirms it is the owner. */
  record DeleteAccountCommand(UserId userId, String password, String clientIp) {

    @Override
    public String toString() {
      return "DeleteAccountCommand[user=" + userId.value() + ", password=redacted]";
    }
  }
}
