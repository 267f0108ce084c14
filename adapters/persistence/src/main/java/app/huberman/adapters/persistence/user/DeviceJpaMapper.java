package app.huberman.adapters.persistence.user;

import app.huberman.domain.user.Device;
import app.huberman.domain.user.DeviceId;
import app.huberman.domain.user.DevicePlatform;
import app.huberman.domain.user.DeviceToken;
import app.huberman.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/** Between devices and their rows, by hand. */
final class DeviceJpaMapper {

  private DeviceJpaMapper() {}

  static Device toDomain(DeviceJpaEntity row) {
    return Device.rehydrate(
        new Device.State(
            DeviceId.of(row.id),
            UserId.of(row.userId),
            new DeviceToken(row.token),
            DevicePlatform.fromWireName(row.platform)
                .orElseThrow(() -> new IllegalStateException("Stored platform " + row.platform)),
            Optional.ofNullable(row.name),
            row.createdAt,
            row.lastRegisteredAt));
  }

  /** Copies what may change onto a row, which stays the managed one. */
  static void copyOnto(DeviceJpaEntity row, Device device) {
    Device.State state = device.state();
    row.platform = state.platform().wireName();
    row.name = state.name().orElse(null);
    row.lastRegisteredAt = state.lastRegisteredAt();
  }

  /** The key of the unique constraint: hex SHA-256 of the token's UTF-8 bytes. */
  static String tokenHash(DeviceToken token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(token.value().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }
}
