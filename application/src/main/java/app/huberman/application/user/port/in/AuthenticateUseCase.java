package app.huberman.application.user.port.in;

import java.util.Optional;

/** Checks a bearer token. */
public interface AuthenticateUseCase {

  /**
   * @return who holds the token, or empty when it is malformed, unknown, revoked or expired
   */
  Optional<Authenticated> authenticate(String bearerToken);
}
