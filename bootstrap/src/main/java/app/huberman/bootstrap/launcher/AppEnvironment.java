package app.huberman.bootstrap.launcher;

import java.util.Locale;

/** Where the instance runs ({@code APP_ENV}); production logs less by default. */
enum AppEnvironment {
  LOCAL,
  TESTING,
  PRODUCTION;

  static AppEnvironment parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "APP_ENV must be local, testing or production, not '" + value + "'", e);
    }
  }
}
