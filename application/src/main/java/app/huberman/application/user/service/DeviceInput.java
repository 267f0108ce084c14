package app.huberman.application.user.service;

import app.huberman.application.shared.Violations;
import app.huberman.domain.user.Device;
import app.huberman.domain.user.DevicePlatform;
import app.huberman.domain.user.DeviceToken;
import java.util.Optional;

/** A device registration's fields as the app sent them, checked with a message per field. */
final class DeviceInput {

  private DeviceInput() {}

  static DeviceToken token(Violations violations, String raw) {
    if (violations.required("token", raw) == null || raw.isBlank()) {
      return null;
    }
    if (raw.strip().length() > DeviceToken.MAX_LENGTH) {
      violations.add("token", "The token must not be longer than 4096 characters.");
      return null;
    }
    if (!DeviceToken.isValid(raw)) {
      violations.add("token", "The token must not contain control characters.");
      return null;
    }
    return DeviceToken.of(raw);
  }

  static DevicePlatform platform(Violations violations, String raw) {
    if (violations.required("platform", raw) == null || raw.isBlank()) {
      return null;
    }
    Optional<DevicePlatform> platform = DevicePlatform.fromWireName(raw);
    if (platform.isEmpty()) {
      violations.add("platform", "The platform must be one of ios, android, web.");
      return null;
    }
    return platform.get();
  }

  static Optional<String> name(Violations violations, String raw) {
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    if (raw.strip().length() > Device.MAX_NAME_LENGTH) {
      violations.add("name", AccountInput.nameTooLong(Device.MAX_NAME_LENGTH));
    } else if (!Device.isValidName(raw)) {
      violations.add("name", "The name must not contain control characters.");
    }
    return Optional.of(raw);
  }
}
