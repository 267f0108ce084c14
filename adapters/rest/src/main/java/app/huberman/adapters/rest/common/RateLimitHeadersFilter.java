package app.huberman.adapters.rest.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * {@code X-RateLimit-Limit} and {@code X-RateLimit-Remaining} on every answer of a request that
 * consulted a rate limit, 429s included: the limit closest to refusing the client, and how many
 * more attempts it allows now.
 */
@Provider
@ApplicationScoped
public class RateLimitHeadersFilter implements ContainerResponseFilter {

  static final String LIMIT = "X-RateLimit-Limit";
  static final String REMAINING = "X-RateLimit-Remaining";

  private ConsultedRateLimits consulted;

  /** For the CDI proxy only. */
  protected RateLimitHeadersFilter() {}

  @Inject
  public RateLimitHeadersFilter(ConsultedRateLimits consulted) {
    this.consulted = consulted;
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    consulted
        .tightest()
        .ifPresent(
            tightest -> {
              response.getHeaders().putSingle(LIMIT, tightest.limit());
              response.getHeaders().putSingle(REMAINING, tightest.remaining());
            });
  }
}
