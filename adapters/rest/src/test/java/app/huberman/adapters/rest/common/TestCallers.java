package app.huberman.adapters.rest.common;

import app.huberman.application.user.port.in.AuthenticateUseCase;
import app.huberman.application.user.port.in.Authenticated;
import app.huberman.application.user.port.in.ProfileView;
import app.huberman.domain.user.Role;
import app.huberman.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Two bearer tokens the fake authentication knows, a user's and an admin's; any other is void. */
public final class TestCallers {

  public static final UserId USER = UserId.of(7);
  public static final String USER_TOKEN = "12|" + "A".repeat(40);
  public static final String ADMIN_TOKEN = "13|" + "B".repeat(40);

  private TestCallers() {}

  public static String bearer(String token) {
    return "Bearer " + token;
  }

  public static AuthenticateUseCase authentication() {
    return token -> {
      if (token.equals(USER_TOKEN)) {
        return Optional.of(caller(USER, 12, Role.USER));
      }
      return token.equals(ADMIN_TOKEN)
          ? Optional.of(caller(UserId.of(8), 13, Role.ADMIN))
          : Optional.empty();
    };
  }

  /** The filter of {@code @RequiresAuthentication} routes, on the fake authentication. */
  public static BearerAuthenticationFilter bearerFilter() {
    return new BearerAuthenticationFilter(authentication());
  }

  /** The filter of {@code @RequiresAdmin} routes, on the fake authentication. */
  public static AdminAuthenticationFilter adminFilter() {
    return new AdminAuthenticationFilter(authentication());
  }

  private static Authenticated caller(UserId id, long tokenId, Role role) {
    Instant created = Instant.parse("2026-01-02T03:04:05Z");
    return new Authenticated(
        id,
        tokenId,
        role,
        new ProfileView(
            id,
            UUID.nameUUIDFromBytes(new byte[] {(byte) id.value()}),
            "Jo",
            "jo@example.com",
            Optional.empty(),
            created,
            created));
  }
}
