package app.huberman.adapters.rest.user;

import app.huberman.application.user.port.in.ProfileView;
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

  static UserResponse from(ProfileView user) {
    return new UserResponse(
        user.id().value(),
        user.uuid(),
        user.name(),
        user.email(),
        user.emailVerifiedAt().orElse(null),
        user.createdAt(),
        user.updatedAt());
  }
}
