package app.huberman.application.user.service;

import app.huberman.application.shared.IpLiteral;
import java.time.Duration;

/**
 * The limits of the users context, shared by all instances. Addresses count by {@link
 * IpLiteral#rateLimitGroup group}: an IPv6 client that walks through its /64 stays one client.
 */
final class RateLimits {

  static final int ATTEMPTS = 5;
  static final Duration WINDOW = Duration.ofMinutes(1);

  /**
   * Failed password checks of one account from anywhere: what stops many addresses (a botnet)
   * guessing one password, well above what its owner mistypes.
   */
  static final int ACCOUNT_FAILURES = 20;

  static final Duration ACCOUNT_WINDOW = Duration.ofMinutes(15);

  private RateLimits() {}

  static String perClient(String action, String clientIp) {
    return action + ":ip:" + IpLiteral.rateLimitGroup(clientIp);
  }

  /** Password checks count per email and client; the email is hashed so keys hold no address. */
  static String passwordChecks(String normalizedEmail, String clientIp) {
    return "login:"
        + Secrets.sha256Hex(normalizedEmail)
        + ":ip:"
        + IpLiteral.rateLimitGroup(clientIp);
  }

  /** Password checks of one account from every address. */
  static String passwordChecksOfAccount(String normalizedEmail) {
    return "login:" + Secrets.sha256Hex(normalizedEmail);
  }
}
