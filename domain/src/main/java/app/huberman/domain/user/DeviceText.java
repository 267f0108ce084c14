package app.huberman.domain.user;

/** What a device's token and name may hold. */
final class DeviceText {

  private DeviceText() {}

  /**
   * No control character (a NUL, a line break: PostgreSQL refuses the one, logs and headers choke
   * on the other) and no unpaired surrogate (not Unicode text at all).
   */
  static boolean isPrintable(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c)) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
