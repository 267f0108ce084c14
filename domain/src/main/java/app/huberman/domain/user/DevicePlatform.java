package app.huberman.domain.user;

import java.util.Locale;
import java.util.Optional;

/** Where a push token comes from, and so which service will deliver to it. */
public enum DevicePlatform {
  IOS,
  ANDROID,
  WEB;

  /** The name clients send and read: {@code ios}, {@code android}, {@code web}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The platform of a wire name, in any case; empty for anything else. */
  public static Optional<DevicePlatform> fromWireName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    for (DevicePlatform platform : values()) {
      if (platform.wireName().equalsIgnoreCase(name.strip())) {
        return Optional.of(platform);
      }
    }
    return Optional.empty();
  }
}
