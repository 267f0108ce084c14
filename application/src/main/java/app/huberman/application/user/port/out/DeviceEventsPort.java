package app.huberman.application.user.port.out;

import app.huberman.domain.user.DeviceId;
import app.huberman.domain.user.DevicePlatform;
import app.huberman.domain.user.UserId;

/** Records what happens to devices (log events and metrics). Never given a token. */
public interface DeviceEventsPort {

  /**
   * A device was registered.
   *
   * @param created new to the owner, rather than registered again
   */
  void registered(UserId owner, DeviceId device, DevicePlatform platform, boolean created);

  /** A token another account had registered was registered by {@code to}. */
  void moved(UserId from, UserId to, DeviceId device);

  /** Registering one more device dropped the owner's least recent ones (the cap). */
  void dropped(UserId owner, int count);

  void removed(UserId owner, DeviceId device);

  void rateLimited(UserId owner);
}
