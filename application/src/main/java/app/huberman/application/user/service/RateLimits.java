package app.huberman.application.user.service;

import java.time.Duration;

/** The limits of ARCHITECTURE.md section 4, shared by all instances. */
final class RateLimits {

  static final int ATTEMPTS = 5;
  static final Duration WINDOW = Duration.ofMinutes(1);

  private RateLimits() {}

  static String perClient(String action, String clientIp) {
    return action + ":ip:" + clientIp;
  }

  /** Login failures count per email and client; the email is hashed so keys hold no address. */
  static String loginFailures(String normalizedEmail, String clientIp) {
    return "login:" + Secrets.sha256Hex(normalizedEmail) + ":ip:" + clientIp;
  }
}
