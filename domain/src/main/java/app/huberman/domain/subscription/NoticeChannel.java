package app.huberman.domain.subscription;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How a notice reaches the user. */
public enum NoticeChannel {
  EMAIL,
  /** To every registered device (APNs, FCM). */
  PUSH;

  /** The lower-case name used in JSON and the database. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<NoticeChannel> fromKey(String key) {
    return Arrays.stream(values()).filter(channel -> channel.key().equals(key)).findFirst();
  }
}
