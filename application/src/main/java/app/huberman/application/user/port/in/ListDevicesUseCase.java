package app.huberman.application.user.port.in;

import app.huberman.domain.user.UserId;
import java.util.List;

/** The caller's own devices. */
public interface ListDevicesUseCase {

  /**
   * Most recently registered first; at most {@value
   * app.huberman.domain.user.Device#MAX_PER_ACCOUNT}.
   */
  List<DeviceView> devicesOf(UserId owner);
}
