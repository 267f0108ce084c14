package app.huberman.application.user.port.in;

import app.huberman.domain.user.UserId;

/**
 * Registers the push token of the app the caller is signed in on. Idempotent per token: the same
 * token again is the same device, refreshed. A token another account registered moves to the
 * caller. An account keeps its {@value app.huberman.domain.user.Device#MAX_PER_ACCOUNT} most
 * recently registered devices.
 */
public interface RegisterDeviceUseCase {

  /**
   * @throws app.huberman.application.shared.ValidationException on a missing or invalid token,
   *     platform or name
   * @throws app.huberman.application.shared.RateLimitedException past the registrations an account
   *     may make a minute
   * @throws app.huberman.application.shared.NotFoundException when the account is gone
   */
  Registration register(RegisterDeviceCommand command);

  /** What the app sends; {@code name} may be null. */
  record RegisterDeviceCommand(UserId userId, String token, String platform, String name) {

    @Override
    public String toString() {
      return "RegisterDeviceCommand[user=" + userId.value() + ", token=redacted]";
    }
  }

  /**
   * @param created whether the device is new to the caller (first registration, or moved from
   *     another account), rather than one of theirs registered again
   */
  record Registration(DeviceView device, boolean created) {}
}
