package app.huberman.application.user.port.in;

/** Takes the admin role from an account (operators, {@code user:revoke-admin}). */
public interface RevokeAdminUseCase {

  /**
   * @return false when no account has this email (in any case)
   */
  boolean revokeAdmin(String email);
}
