package app.huberman.application.user.port.in;

import app.huberman.domain.user.UserId;

/**
 * Changes a user's name and email. Changing the email needs the current password (a stolen token
 * alone must not be enough to take the account over through a password reset at a new address); the
 * old address gets a notice, and reset links sent to it stop working.
 */
public interface UpdateProfileUseCase {

  /**
   * @return the account as changed
   * @throws app.huberman.application.shared.ValidationException on invalid or taken input, or a
   *     missing or wrong current password
   * @throws app.huberman.application.shared.RateLimitedException past the login limit
   * @throws app.huberman.application.shared.NotFoundException when the account is gone
   */
  ProfileView updateProfile(UpdateProfileCommand command);

  /** The new name and email, and the current password when the email changes. */
  record UpdateProfileCommand(
      UserId userId, String name, String email, String currentPassword, String clientIp) {

    @Override
    public String toString() {
      return "UpdateProfileCommand[user=" + userId.value() + ", currentPassword=redacted]";
    }
  }
}
