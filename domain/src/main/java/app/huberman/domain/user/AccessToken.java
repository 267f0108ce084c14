package app.huberman.domain.user;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A bearer token as stored: only the SHA-256 of its secret is kept. The client holds {@code
 * "<id>|<secret>"}.
 *
 * @param secretHash hex SHA-256 of the secret
 */
public record AccessToken(
    long id,
    UserId userId,
    String secretHash,
    String name,
    Optional<Instant> lastUsedAt,
    Instant expiresAt,
    Instant createdAt) {

  /** {@code last_used_at} is written at most this often. */
  public static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

  public AccessToken {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(secretHash, "secretHash");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(lastUsedAt, "lastUsedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(createdAt, "createdAt");
    if (id <= 0) {
      throw new IllegalArgumentException("A token id is positive");
    }
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Whether {@code last_used_at} is stale enough to be written again. */
  public boolean shouldRecordUseAt(Instant now) {
    return lastUsedAt.map(last -> !now.isBefore(last.plus(LAST_USED_PRECISION))).orElse(true);
  }
}
