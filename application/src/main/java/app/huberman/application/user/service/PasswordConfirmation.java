package app.huberman.application.user.service;

import app.huberman.application.shared.RateLimitedException;
import app.huberman.application.shared.ValidationException;
import app.huberman.application.user.port.out.PasswordHasherPort;
import app.huberman.domain.user.User;
import java.util.Objects;

/**
 * A signed-in user confirms a sensitive change (deleting the account, changing the email) with the
 * password. Every such check answers whether a password is right, so it goes through the {@link
 * PasswordGuessLimit} with the logins: past its limits the check is refused (429) before the
 * password is looked at.
 */
public final class PasswordConfirmation {

  static final String INCORRECT = "The password is incorrect.";

  private final PasswordHasherPort hasher;
  private final PasswordGuessLimit guesses;

  public PasswordConfirmation(PasswordHasherPort hasher, PasswordGuessLimit guesses) {
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.guesses = Objects.requireNonNull(guesses, "guesses");
  }

  /**
   * @param field the request field the password came in, for the 422's {@code errors}
   * @throws RateLimitedException past the limit
   * @throws ValidationException when the password is wrong
   */
  void confirm(User user, String password, String field, String clientIp) {
    guesses.count(user.email(), clientIp, "password_check");
    if (!hasher.verify(password, user.passwordHash())) {
      throw ValidationException.of(field, INCORRECT);
    }
    guesses.forgive(user.email(), clientIp);
  }
}
