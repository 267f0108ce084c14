package app.huberman.domain.user;

/** What a user may do beyond their own account. */
public enum Role {
  USER,
  ADMIN
}
