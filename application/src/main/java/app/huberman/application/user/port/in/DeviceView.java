package app.huberman.application.user.port.in;

import app.huberman.domain.user.Device;
import app.huberman.domain.user.DevicePlatform;
import java.time.Instant;
import java.util.Optional;

/**
 * A device as its owner sees it. The token is shown only by its last characters: enough for an app
 * to tell its own installation in the list, too little for a stolen access token to hand out the
 * push tokens of every device of the account.
 */
public record DeviceView(
    long id,
    DevicePlatform platform,
    Optional<String> name,
    String tokenSuffix,
    Instant createdAt,
    Instant lastRegisteredAt) {

  public static DeviceView of(Device device) {
    return new DeviceView(
        device.id().value(),
        device.platform(),
        device.name(),
        device.token().suffix(),
        device.createdAt(),
        device.lastRegisteredAt());
  }
}
