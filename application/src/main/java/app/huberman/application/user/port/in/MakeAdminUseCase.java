package app.huberman.application.user.port.in;

/** Gives an existing account the admin role (operators, and ADMIN_EMAIL at start-up). */
public interface MakeAdminUseCase {

  /**
   * @return false when no account has this email
   */
  boolean makeAdmin(String email);
}
