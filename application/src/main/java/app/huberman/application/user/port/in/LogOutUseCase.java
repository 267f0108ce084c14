package app.huberman.application.user.port.in;

/** Revokes the token the client presented; its other tokens stay valid. */
public interface LogOutUseCase {

  void logOut(Authenticated caller, String clientIp);
}
