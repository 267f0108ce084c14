package app.huberman.domain.subscription;

import java.util.Locale;

/** Where a purchase was made; each tells us about it through its own signed notifications. */
public enum PaymentProvider {
  STRIPE("Stripe"),
  APPLE("the App Store"),
  GOOGLE("Google Play");

  private final String displayName;

  PaymentProvider(String displayName) {
    this.displayName = displayName;
  }

  /** How a message to the user names it: "through the App Store". */
  public String displayName() {
    return displayName;
  }

  /** The lower-case name used in URLs, JSON and the database. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PaymentProvider fromKey(String key) {
    return valueOf(key.toUpperCase(Locale.ROOT));
  }
}
