package app.huberman.application.user.port.out;

/** The store refused an email another account already has (two registrations racing). */
public final class DuplicateEmailException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public DuplicateEmailException(Throwable cause) {
    super("An account with this email already exists", cause);
  }
}
