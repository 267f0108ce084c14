package app.huberman.application.user.port.in;

/** Shows a user their own account. */
public interface ShowProfileUseCase {

  /**
   * The caller's own account as read when their token was checked (at most a second ago; a change
   * made through this instance shows at once).
   */
  ProfileView showProfile(Authenticated caller);
}
