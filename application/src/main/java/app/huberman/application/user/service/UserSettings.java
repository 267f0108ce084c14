package app.huberman.application.user.service;

import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of the users context.
 *
 * @param tokenTtl bearer token lifetime ({@code AUTH_TOKEN_TTL})
 * @param passwordResetUrl base of the link in reset emails ({@code PASSWORD_RESET_URL})
 */
public record UserSettings(Duration tokenTtl, String passwordResetUrl) {

  public UserSettings {
    Objects.requireNonNull(tokenTtl, "tokenTtl");
    Objects.requireNonNull(passwordResetUrl, "passwordResetUrl");
    if (tokenTtl.isNegative() || tokenTtl.isZero()) {
      throw new IllegalArgumentException("AUTH_TOKEN_TTL must be positive");
    }
    if (!passwordResetUrl.startsWith("https://") && !passwordResetUrl.startsWith("http://")) {
      throw new IllegalArgumentException("PASSWORD_RESET_URL must be an http(s) URL");
    }
  }
}
