package app.huberman.application.user.service;

import app.huberman.application.shared.NotFoundException;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.user.port.in.RemoveDeviceUseCase;
import app.huberman.application.user.port.out.DeviceEventsPort;
import app.huberman.application.user.port.out.DeviceRepository;
import app.huberman.domain.user.DeviceId;
import app.huberman.domain.user.UserId;
import java.util.Objects;

/**
 * Deletes one of the caller's devices. Another account's device is answered as one that does not
 * exist, so ids tell nothing about other accounts.
 */
public final class RemoveDeviceService implements RemoveDeviceUseCase {

  private final DeviceRepository devices;
  private final DeviceEventsPort events;
  private final UnitOfWorkPort unitOfWork;

  public RemoveDeviceService(
      DeviceRepository devices, DeviceEventsPort events, UnitOfWorkPort unitOfWork) {
    this.devices = Objects.requireNonNull(devices, "devices");
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public void remove(UserId owner, long deviceId) {
    if (deviceId <= 0) {
      throw notFound();
    }
    DeviceId id = DeviceId.of(deviceId);
    if (!unitOfWork.atomically(() -> devices.delete(owner, id))) {
      throw notFound();
    }
    events.removed(owner, id);
  }

  private static NotFoundException notFound() {
    return new NotFoundException("No such device.");
  }
}
