package app.huberman.adapters.persistence.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code password_reset_tokens}, keyed by the normalized email. */
@Entity(name = "PasswordResetToken")
@Table(name = "password_reset_tokens")
class PasswordResetTokenJpaEntity {

  @Id
  @Column(length = 254)
  String email;

  @Column(name = "token_hash", nullable = false, length = 64)
  String tokenHash;

  @Column(name = "created_at", nullable = false)
  Instant createdAt;
}
