package app.huberman.adapters.rest.common;

import app.huberman.application.user.port.in.AuthenticateUseCase;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/** {@link RequiresAdmin} endpoints: a valid bearer token (401 otherwise) of an admin (403). */
@Provider
@RequiresAdmin
@Priority(Priorities.AUTHORIZATION)
@ApplicationScoped
public class AdminAuthenticationFilter implements ContainerRequestFilter {

  private BearerAuthenticationFilter bearer;

  /** For the CDI proxy only. */
  protected AdminAuthenticationFilter() {}

  @Inject
  public AdminAuthenticationFilter(AuthenticateUseCase authentication) {
    this.bearer = new BearerAuthenticationFilter(authentication);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    bearer.filter(request);
    if (request.getSecurityContext() != null
        && request.getSecurityContext().getUserPrincipal() instanceof Caller caller
        && !caller.authenticated().isAdmin()) {
      request.abortWith(ErrorResponses.error(403, ErrorResponses.standardMessage(403)).build());
    }
  }
}
