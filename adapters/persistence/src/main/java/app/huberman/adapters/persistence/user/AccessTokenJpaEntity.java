package app.huberman.adapters.persistence.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code personal_access_tokens}. No version: only {@code last_used_at} ever changes, and
 * the last write wins. {@code abilities} is left to its default.
 */
@Entity(name = "AccessToken")
@Table(name = "personal_access_tokens")
class AccessTokenJpaEntity {

  @Id Long id;

  @Column(name = "user_id", nullable = false, updatable = false)
  long userId;

  @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
  String tokenHash;

  @Column(nullable = false, updatable = false)
  String name;

  @Column(name = "last_used_at")
  Instant lastUsedAt;

  @Column(name = "expires_at", nullable = false, updatable = false)
  Instant expiresAt;

  @Column(name = "created_at", nullable = false, updatable = false)
  Instant createdAt;
}
