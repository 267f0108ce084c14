package app.huberman.application.user.port.out;

/** The most common passwords (at least the top 10,000), which are refused. */
public interface CommonPasswordsPort {

  /** Whether the password is on the list, compared without case. */
  boolean isCommon(String password);
}
