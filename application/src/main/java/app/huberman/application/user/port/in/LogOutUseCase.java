package app.huberman.application.user.port.in;

/**
 * Revokes the token the client presented; its other tokens stay valid. The instance that logs out
 * refuses the token at once, every other within a second.
 */
public interface LogOutUseCase {

  void logOut(Authenticated caller, String clientIp);
}
