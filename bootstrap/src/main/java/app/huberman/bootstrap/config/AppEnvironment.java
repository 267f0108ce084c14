package app.huberman.bootstrap.config;

import java.util.Locale;

/** Where the instance runs ({@code APP_ENV}); production hides detail and logs less. */
public enum AppEnvironment {
  LOCAL,
  TESTING,
  PRODUCTION;

  public static AppEnvironment parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "APP_ENV must be local, testing or production, not '" + value + "'", e);
    }
  }
}
