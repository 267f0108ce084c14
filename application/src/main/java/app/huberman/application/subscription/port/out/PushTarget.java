package app.huberman.application.subscription.port.out;

import app.huberman.domain.user.DeviceId;
import app.huberman.domain.user.DevicePlatform;
import app.huberman.domain.user.DeviceToken;
import app.huberman.domain.user.UserId;
import java.util.Objects;

/** A registered device as a push notice sees it: whose it is, and where to push to. */
public record PushTarget(
    DeviceId device, UserId owner, DevicePlatform platform, DeviceToken token) {

  public PushTarget {
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(token, "token");
  }
}
