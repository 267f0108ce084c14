package app.huberman.domain.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A pending password reset: at most one per email, single use, valid for {@link #VALIDITY}. Only
 * the SHA-256 of the token is kept; the token itself exists only in the email sent.
 *
 * @param email the normalized email the reset was asked for
 * @param tokenHash hex SHA-256 of the token
 */
public record PasswordResetToken(String email, String tokenHash, Instant createdAt) {

  public static final Duration VALIDITY = Duration.ofMinutes(60);

  public PasswordResetToken {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(tokenHash, "tokenHash");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(createdAt.plus(VALIDITY));
  }
}
