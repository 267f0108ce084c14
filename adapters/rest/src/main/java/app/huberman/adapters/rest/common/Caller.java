package app.huberman.adapters.rest.common;

import app.huberman.application.user.port.in.Authenticated;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/**
 * The caller of a {@link RequiresAuthentication} endpoint, carried in the request's standard {@link
 * SecurityContext} by {@link BearerAuthenticationFilter}.
 */
public record Caller(Authenticated authenticated, boolean secure)
    implements Principal, SecurityContext {

  /** The caller, for a resource method with {@code @Context SecurityContext security}. */
  public static Authenticated of(SecurityContext security) {
    if (security != null && security.getUserPrincipal() instanceof Caller caller) {
      return caller.authenticated();
    }
    throw new NotAuthorizedException("Bearer");
  }

  @Override
  public String getName() {
    return Long.toString(authenticated.userId().value());
  }

  @Override
  public Principal getUserPrincipal() {
    return this;
  }

  @Override
  public boolean isUserInRole(String role) {
    return "admin".equals(role) ? authenticated.isAdmin() : "user".equals(role);
  }

  @Override
  public boolean isSecure() {
    return secure;
  }

  @Override
  public String getAuthenticationScheme() {
    return "Bearer";
  }
}
