package app.huberman.adapters.rest.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Finds the client's address of a request, believing forwarded headers from trusted proxies only.
 */
@ApplicationScoped
public class ClientAddresses {

  private TrustedProxies proxies;

  /** For the CDI proxy only. */
  protected ClientAddresses() {}

  @Inject
  public ClientAddresses(TrustedProxies proxies) {
    this.proxies = proxies;
  }

  public String of(HttpServletRequest request) {
    return proxies.clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
  }
}
