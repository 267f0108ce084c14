package app.huberman.adapters.persistence.user;

import app.huberman.domain.user.AccessToken;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.PasswordHash;
import app.huberman.domain.user.PasswordResetToken;
import app.huberman.domain.user.Role;
import app.huberman.domain.user.User;
import app.huberman.domain.user.UserId;
import java.util.Optional;

/** Between the users context's domain objects and their rows, by hand. */
final class UserJpaMapper {

  private UserJpaMapper() {}

  static User toDomain(UserJpaEntity row) {
    return User.rehydrate(
        new User.State(
            UserId.of(row.id),
            row.uuid,
            row.name,
            new Email(row.email),
            new PasswordHash(row.passwordHash),
            Role.valueOf(row.role.name()),
            Optional.ofNullable(row.emailVerifiedAt),
            row.createdAt,
            row.updatedAt));
  }

  static UserJpaEntity toNewRow(User user) {
    User.State state = user.state();
    UserJpaEntity row = new UserJpaEntity();
    row.id = state.id().value();
    row.uuid = state.uuid();
    row.createdAt = state.createdAt();
    copyOnto(row, user);
    return row;
  }

  /**
   * Copies what may change onto a row, which stays the managed one: its version is the one read in
   * this transaction, so a concurrent change makes the flush fail instead of being overwritten.
   */
  static void copyOnto(UserJpaEntity row, User user) {
    User.State state = user.state();
    row.name = state.name();
    row.email = state.email().value();
    row.passwordHash = state.passwordHash().phc();
    row.role = UserJpaEntity.StoredRole.valueOf(state.role().name());
    row.emailVerifiedAt = state.emailVerifiedAt().orElse(null);
    row.updatedAt = state.updatedAt();
  }

  static AccessToken toDomain(AccessTokenJpaEntity row) {
    return new AccessToken(
        row.id,
        UserId.of(row.userId),
        row.tokenHash,
        row.name,
        Optional.ofNullable(row.lastUsedAt),
        row.expiresAt,
        row.createdAt);
  }

  static AccessTokenJpaEntity toNewRow(AccessToken token) {
    AccessTokenJpaEntity row = new AccessTokenJpaEntity();
    row.id = token.id();
    row.userId = token.userId().value();
    row.tokenHash = token.secretHash();
    row.name = token.name();
    row.lastUsedAt = token.lastUsedAt().orElse(null);
    row.expiresAt = token.expiresAt();
    row.createdAt = token.createdAt();
    return row;
  }

  static PasswordResetToken toDomain(PasswordResetTokenJpaEntity row) {
    return new PasswordResetToken(row.email, row.tokenHash, row.createdAt);
  }

  static PasswordResetTokenJpaEntity toRow(PasswordResetToken reset) {
    PasswordResetTokenJpaEntity row = new PasswordResetTokenJpaEntity();
    row.email = reset.email();
    row.tokenHash = reset.tokenHash();
    row.createdAt = reset.createdAt();
    return row;
  }
}
