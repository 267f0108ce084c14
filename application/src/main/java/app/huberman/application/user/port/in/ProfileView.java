package app.huberman.application.user.port.in;

import app.huberman.domain.user.User;
import app.huberman.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An account as its owner sees it: no password hash, no role.
 *
 * @param email as the owner spelled it
 */
public record ProfileView(
    UserId id,
    UUID uuid,
    String name,
    String email,
    Optional<Instant> emailVerifiedAt,
    Instant createdAt,
    Instant updatedAt) {

  public static ProfileView of(User user) {
    return new ProfileView(
        user.id(),
        user.uuid(),
        user.name(),
        user.email().value(),
        user.emailVerifiedAt(),
        user.createdAt(),
        user.updatedAt());
  }
}
