package app.huberman.adapters.persistence.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

@Entity(name = "User")
@Table(name = "users")
class UserJpaEntity {

  @Id Long id;

  @Column(nullable = false, unique = true, updatable = false)
  UUID uuid;

  @Column(nullable = false)
  String name;

  @Column(nullable = false, length = 254)
  String email;

  @Column(name = "password", nullable = false)
  String passwordHash;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 16)
  StoredRole role;

  @Column(name = "email_verified_at")
  Instant emailVerifiedAt;

  @Version long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  Instant updatedAt;

  /** The stored names of roles; kept apart from the domain enum on purpose. */
  enum StoredRole {
    USER,
    ADMIN
  }
}
