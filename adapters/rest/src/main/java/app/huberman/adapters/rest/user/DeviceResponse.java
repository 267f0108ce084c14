package app.huberman.adapters.rest.user;

import app.huberman.application.user.port.in.DeviceView;
import java.time.Instant;

/**
 * The contract's Device. The token shows only as its last characters ({@code token_suffix}); the
 * full token is never sent back.
 */
public record DeviceResponse(
    long id,
    String platform,
    String name,
    String tokenSuffix,
    Instant createdAt,
    Instant lastRegisteredAt) {

  static DeviceResponse from(DeviceView device) {
    return new DeviceResponse(
        device.id(),
        device.platform().wireName(),
        device.name().orElse(null),
        device.tokenSuffix(),
        device.createdAt(),
        device.lastRegisteredAt());
  }
}
