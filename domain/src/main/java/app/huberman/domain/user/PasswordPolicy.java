package app.huberman.domain.user;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What a new password must be: 8 to 128 characters (counted as Unicode code points, never
 * truncated) and not one of the most common passwords. No composition rules: length and rarity are
 * what make a password strong (NIST SP 800-63B).
 */
public final class PasswordPolicy {

  public static final int MIN_LENGTH = 8;
  public static final int MAX_LENGTH = 128;

  private final Predicate<String> isCommon;

  public PasswordPolicy(Predicate<String> isCommon) {
    this.isCommon = isCommon;
  }

  /** The reasons this password is refused, in the words a user reads; empty when it is fine. */
  public List<String> violations(String password) {
    List<String> violations = new ArrayList<>();
    int length = password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      violations.add("The password must be at least " + MIN_LENGTH + " characters.");
    } else if (length > MAX_LENGTH) {
      violations.add("The password must not be longer than " + MAX_LENGTH + " characters.");
    } else if (isCommon.test(password)) {
      violations.add("This password is too common. Choose one that is harder to guess.");
    }
    return violations;
  }
}
