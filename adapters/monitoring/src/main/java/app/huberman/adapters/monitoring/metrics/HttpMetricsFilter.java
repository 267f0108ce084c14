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
import java.time.Duration;
import java.util.Locale;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Counts every API request and times it, labelled by method, route template and status class
 * ({@code 2xx} ... {@code 5xx}). Pre-matching, so requests refused before reaching a resource (404,
 * 413, 415) are counted too, under the route {@code unmatched}.
 */
@Provider
@PreMatching
@Priority(Integer.MIN_VALUE)
@ApplicationScoped
public class HttpMetricsFilter implements ContainerRequestFilter, ContainerResponseFilter {

  static final String REQUESTS = "http_server_requests";
  static final String DURATION = "http_server_request_duration";
  private static final String STARTED_AT = HttpMetricsFilter.class.getName() + ".started";
  private static final Metadata REQUESTS_METADATA =
      Metadata.builder()
          .withName(REQUESTS)
          .withDescription("HTTP requests answered, by method, route template and status class")
          .build();
  private static final Metadata DURATION_METADATA =
      Metadata.builder()
          .withName(DURATION)
          .withDescription(
              "Time to answer HTTP requests, by method, route template and status class")
          .withUnit(MetricUnits.SECONDS)
          .build();

  private MetricHandles metrics;
  private RouteTemplates routes;

  @Context private ResourceInfo resourceInfo;

  /** For the CDI proxy only. */
  protected HttpMetricsFilter() {}

  @Inject
  public HttpMetricsFilter(MetricRegistry registry) {
    this.metrics = new MetricHandles(registry);
    this.routes = new RouteTemplates("/api");
  }

  @Override
  public void filter(ContainerRequestContext request) {
    request.setProperty(STARTED_AT, System.nanoTime());
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    Object startedAt = request.getProperty(STARTED_AT);
    String route =
        routes.templateOf(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
    Tag[] tags = {
      new Tag("method", request.getMethod().toUpperCase(Locale.ROOT)),
      new Tag("route", route),
      new Tag("status", statusClass(response.getStatus()))
    };
    Counter requests = metrics.counter(REQUESTS_METADATA, tags);
    requests.inc();
    if (startedAt instanceof Long started) {
      Timer duration = metrics.timer(DURATION_METADATA, tags);
      duration.update(Duration.ofNanos(System.nanoTime() - started));
    }
  }

  static String statusClass(int status) {
    return status < 100 || status > 599 ? "other" : (status / 100) + "xx";
  }
}
