package app.huberman.adapters.monitoring.metrics;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Counts and times every request JAX-RS answers ({@link HttpRequestRecorder}), under its route
 * template. Pre-matching, so requests refused before reaching a resource (404, 413, 415) are
 * counted too, under the route {@code unmatched}.
 */
@Provider
@PreMatching
@Priority(Integer.MIN_VALUE)
@ApplicationScoped
public class HttpMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

  private static final String STARTED_AT = HttpMetricsFilter.class.getName() + ".started";

  private HttpRequestRecorder recorder;
  private RouteTemplates routes;

  @Context private ResourceInfo resourceInfo;

  /** For the CDI proxy only. */
  protected HttpMetricsFilter() {}

  @Inject
  public HttpMetricsFilter(MetricRegistry registry, HttpMetricsSettings settings) {
    this.recorder = new HttpRequestRecorder(registry, settings);
    this.routes = new RouteTemplates("/api");
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (recorder.enabled()) {
      request.setProperty(STARTED_AT, System.nanoTime());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    String route =
        routes.templateOf(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
    Object startedAt = request.getProperty(STARTED_AT);
    recorder.answered(
        request.getMethod(),
        route,
        response.getStatus(),
        startedAt instanceof Long started ? started : null);
  }
}
