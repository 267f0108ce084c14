package app.huberman.adapters.rest.user;

import app.huberman.domain.user.User;
import java.time.Instant;
import java.util.UUID;

/** The contract's User. */
public record UserResponse(
    long id,
    UUID uuid,
    String name,
    String email,
    Instant emailVerifiedAt,
    Instant createdAt,
    Instant updatedAt) {

  static UserResponse from(User user) {
    return new UserResponse(
        user.id().value(),
        user.uuid(),
        user.name(),
        user.email().value(),
        user.emailVerifiedAt().orElse(null),
        user.createdAt(),
        user.updatedAt());
  }
}
