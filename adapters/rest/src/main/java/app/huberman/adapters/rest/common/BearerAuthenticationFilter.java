package app.huberman.adapters.rest.common;

import app.huberman.application.user.port.in.AuthenticateUseCase;
import app.huberman.application.user.port.in.Authenticated;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;

/**
 * Checks {@code Authorization: Bearer <id>|<secret>} on {@link RequiresAuthentication} and {@link
 * RequiresAdmin} endpoints: 401 with {@code WWW-Authenticate: Bearer} when it is missing,
 * malformed, revoked or expired; 403 when an admin endpoint is called by someone else.
 */
@Provider
@RequiresAuthentication
@Priority(Priorities.AUTHENTICATION)
@ApplicationScoped
public class BearerAuthenticationFilter implements ContainerRequestFilter {

  private static final String SCHEME = "Bearer ";

  private AuthenticateUseCase authentication;

  /** For the CDI proxy only. */
  protected BearerAuthenticationFilter() {}

  @Inject
  public BearerAuthenticationFilter(AuthenticateUseCase authentication) {
    this.authentication = authentication;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    Optional<Authenticated> caller = bearerToken(request).flatMap(authentication::authenticate);
    if (caller.isEmpty()) {
      request.abortWith(
          ErrorResponses.error(401, ErrorResponses.standardMessage(401))
              .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
              .build());
      return;
    }
    request.setSecurityContext(
        new Caller(
            caller.get(),
            request.getSecurityContext() != null && request.getSecurityContext().isSecure()));
  }

  private static Optional<String> bearerToken(ContainerRequestContext request) {
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null
        || header.length() <= SCHEME.length()
        || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
      return Optional.empty();
    }
    return Optional.of(header.substring(SCHEME.length()).strip());
  }
}
