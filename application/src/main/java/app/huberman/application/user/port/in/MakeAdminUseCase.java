package app.huberman.application.user.port.in;

/**
 * Gives an existing account the admin role. Only operators do, through the CLI ({@code
 * user:make-admin}): no request, setting or email address grants it.
 */
public interface MakeAdminUseCase {

  /**
   * @return false when no account has this email (in any case)
   */
  boolean makeAdmin(String email);
}
