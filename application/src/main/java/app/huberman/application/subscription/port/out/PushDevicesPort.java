package app.huberman.application.subscription.port.out;

import app.huberman.domain.user.DeviceId;
import app.huberman.domain.user.DeviceToken;
import app.huberman.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The devices the users context keeps, as push notices need them: an account's devices, one device
 * by id, and forgetting a device whose token a push service declared dead.
 */
public interface PushDevicesPort {

  /** The owner's devices, most recently registered first. */
  List<PushTarget> devicesOf(UserId owner);

  /** The device, if it is still registered. */
  Optional<PushTarget> find(DeviceId device);

  /**
   * Deletes the device if it still has this token, as the owner's own removal would.
   *
   * @return whether a device was deleted
   */
  boolean forget(DeviceId device, DeviceToken token);
}
