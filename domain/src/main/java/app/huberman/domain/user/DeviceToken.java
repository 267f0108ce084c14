package app.huberman.domain.user;

import java.util.Objects;

/**
 * A push token as the platform's SDK handed it to the app: an APNs device token (64 hex digits), an
 * FCM registration token (about 160 characters) or a web push subscription (a few hundred). It
 * addresses one installation of the app, so it is never shown back in full (see {@link #suffix()}).
 *
 * @param value stripped of surrounding white space; 1 to {@value #MAX_LENGTH} characters with no
 *     control character
 */
public record DeviceToken(String value) {

  public static final int MAX_LENGTH = 4096;

  /** How many of its last characters are shown, so a client can tell its own device in a list. */
  public static final int SUFFIX_LENGTH = 8;

  public DeviceToken {
    Objects.requireNonNull(value, "value");
    if (!isValid(value) || !value.equals(value.strip())) {
      throw new IllegalArgumentException("Not a device token");
    }
  }

  /** Stripped of surrounding white space; throws where {@link #isValid} says no. */
  public static DeviceToken of(String raw) {
    return new DeviceToken(Objects.requireNonNull(raw, "raw").strip());
  }

  /** Whether {@code raw}, stripped, is a token: not empty, not too long, no control character. */
  public static boolean isValid(String raw) {
    if (raw == null) {
      return false;
    }
    String stripped = raw.strip();
    return !stripped.isEmpty()
        && stripped.length() <= MAX_LENGTH
        && DeviceText.isPrintable(stripped);
  }

  /** The last {@value #SUFFIX_LENGTH} characters (all of a shorter token). */
  public String suffix() {
    return value.substring(Math.max(0, value.length() - SUFFIX_LENGTH));
  }

  /** Never the token: it would end up in logs and exception messages. */
  @Override
  public String toString() {
    return "DeviceToken[redacted]";
  }
}
