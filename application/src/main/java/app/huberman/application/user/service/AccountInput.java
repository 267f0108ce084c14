package app.huberman.application.user.service;

import app.huberman.application.shared.NotFoundException;
import app.huberman.application.shared.Violations;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.User;

/**
 * An account's name and email as the client sent them, checked with a message per field, and the
 * answers about accounts the services share.
 */
final class AccountInput {

  static final String EMAIL_TAKEN = "The email has already been taken.";

  private AccountInput() {}

  /** What a 422 says of a name longer than its aggregate takes (an account's, a device's). */
  static String nameTooLong(int maxLength) {
    return "The name must not be longer than " + maxLength + " characters.";
  }

  /**
   * @return the name without surrounding blanks, or null when it is missing
   */
  static String name(Violations violations, String raw) {
    String required = violations.required("name", raw);
    if (required != null
        && !required.isBlank()
        && required.strip().length() > User.MAX_NAME_LENGTH) {
      violations.add("name", nameTooLong(User.MAX_NAME_LENGTH));
    }
    return required == null ? null : required.strip();
  }

  /**
   * @return the email, or null when it is missing or malformed
   */
  static Email email(Violations violations, String raw) {
    String required = violations.required("email", raw);
    if (required == null || required.isBlank()) {
      return null;
    }
    if (!Email.isValid(required)) {
      violations.add("email", "The email must be a valid email address.");
      return null;
    }
    return Email.of(required);
  }

  /** The answer to a signed-in caller whose account was deleted meanwhile (from another device). */
  static NotFoundException accountGone() {
    return new NotFoundException("The account no longer exists.");
  }
}
