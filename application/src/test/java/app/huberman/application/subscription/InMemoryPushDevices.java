package app.huberman.application.subscription;

import app.huberman.application.subscription.port.out.PushDevicesPort;
import app.huberman.application.subscription.port.out.PushTarget;
import app.huberman.domain.user.DeviceId;
import app.huberman.domain.user.DeviceToken;
import app.huberman.domain.user.UserId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Devices in a list, the most recently registered last added. */
public final class InMemoryPushDevices implements PushDevicesPort {

  private final List<PushTarget> devices = new ArrayList<>();

  /** Registers a device, as the users context would. */
  public synchronized InMemoryPushDevices add(PushTarget device) {
    devices.add(device);
    return this;
  }

  /** Removes a device, as its owner would. */
  public synchronized void remove(DeviceId device) {
    devices.removeIf(target -> target.device().equals(device));
  }

  @Override
  public synchronized List<PushTarget> devicesOf(UserId owner) {
    return devices.reversed().stream().filter(device -> device.owner().equals(owner)).toList();
  }

  @Override
  public synchronized Optional<PushTarget> find(DeviceId device) {
    return devices.stream().filter(target -> target.device().equals(device)).findFirst();
  }

  @Override
  public synchronized boolean forget(DeviceId device, DeviceToken token) {
    return devices.removeIf(
        target -> target.device().equals(device) && target.token().equals(token));
  }
}
