package app.huberman.application.user.service;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.user.port.in.DeviceView;
import app.huberman.application.user.port.in.ListDevicesUseCase;
import app.huberman.application.user.port.out.DeviceRepository;
import app.huberman.domain.user.UserId;
import java.util.List;
import java.util.Objects;

/** The caller's devices, most recently registered first. */
public final class ListDevicesService implements ListDevicesUseCase {

  private final DeviceRepository devices;
  private final UnitOfWorkPort unitOfWork;

  public ListDevicesService(DeviceRepository devices, UnitOfWorkPort unitOfWork) {
    this.devices = Objects.requireNonNull(devices, "devices");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public List<DeviceView> devicesOf(UserId owner) {
    return unitOfWork.readOnly(() -> devices.findAllOf(owner)).stream()
        .map(DeviceView::of)
        .toList();
  }
}
