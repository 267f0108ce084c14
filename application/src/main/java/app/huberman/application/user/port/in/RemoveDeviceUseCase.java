package app.huberman.application.user.port.in;

import app.huberman.domain.user.UserId;

/** Forgets one of the caller's devices (the app signs out, or the user removes it from a list). */
public interface RemoveDeviceUseCase {

  /**
   * @throws app.huberman.application.shared.NotFoundException when the caller has no device with
   *     this id, whether it does not exist or is another account's
   */
  void remove(UserId owner, long deviceId);
}
