package app.huberman.domain.subscription;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What the backend tells a user about their subscription, each kind a choice in preferences. */
public enum NoticeKind {
  /** A renewal payment failed: grace period, billing retry, on hold, past due. */
  PAYMENT_PROBLEM,
  /** Auto-renew is off and premium ends in three days, then in one. */
  PREMIUM_ENDING,
  /** Premium ended. */
  PREMIUM_ENDED,
  /** A payment that had failed went through. */
  PAYMENT_RECOVERED;

  /** The lower-case name used in JSON and the database. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<NoticeKind> fromKey(String key) {
    return Arrays.stream(values()).filter(kind -> kind.key().equals(key)).findFirst();
  }
}
