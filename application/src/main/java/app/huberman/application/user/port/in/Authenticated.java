package app.huberman.application.user.port.in;

import app.huberman.domain.user.Role;
import app.huberman.domain.user.UserId;

/**
 * Who presented a valid bearer token, and which token it was (logout revokes that one).
 *
 * @param account the account as read when the token was checked: at most a second old
 */
public record Authenticated(UserId userId, long tokenId, Role role, ProfileView account) {

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }
}
