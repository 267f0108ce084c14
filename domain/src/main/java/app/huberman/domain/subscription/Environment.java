package app.huberman.domain.subscription;

import java.util.Locale;

/**
 * Whether a purchase was paid for. App Store sandbox purchases (TestFlight, App Review, sandbox
 * testers) and Google Play test purchases (license testers) cost nothing, yet arrive signed and
 * verified exactly like paid ones; who may get premium from them is the application's access rule.
 */
public enum Environment {
  /** A real purchase, paid for (Stripe is always this). */
  PRODUCTION,
  /** A purchase that costs nothing: App Store sandbox, Play test purchase. */
  SANDBOX;

  /** The lower-case name used in JSON, metrics and the database. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Environment fromKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
