package app.huberman.adapters.monitoring.metrics;

import app.huberman.adapters.monitoring.logging.EventLog;
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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Counts every API request and times it, labelled by method, route template and status class
 * ({@code 2xx} ... {@code 5xx}). Pre-matching, so requests refused before reaching a resource (404,
 * 413, 415) are counted too, under the route {@code unmatched}. Every 5xx answer is also logged as
 * the event {@code http.server_error} (method, route, status; the request id comes with the line),
 * the one stable name for "the API failed a request" whatever the cause.
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

  private static final Logger LOG = Logger.getLogger("app.huberman.http");

  private MetricHandles metrics;
  private RouteTemplates routes;
  private boolean enabled;

  @Context private ResourceInfo resourceInfo;

  /** For the CDI proxy only. */
  protected HttpMetricsFilter() {}

  @Inject
  public HttpMetricsFilter(MetricRegistry registry, HttpMetricsSettings settings) {
    this.metrics = new MetricHandles(registry);
    this.routes = new RouteTemplates("/api");
    this.enabled = settings.enabled();
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (enabled) {
      request.setProperty(STARTED_AT, System.nanoTime());
    }
  }

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    int status = response.getStatus();
    if (!enabled && status < 500) {
      return;
    }
    String method = request.getMethod().toUpperCase(Locale.ROOT);
    String route =
        routes.templateOf(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
    if (status >= 500) {
      logServerError(method, route, status);
    }
    if (enabled) {
      record(request, method, route, status);
    }
  }

  private static void logServerError(String method, String route, int status) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("method", method);
    fields.put("route", route);
    fields.put("status", status);
    // 500 is a bug; 503 and the like are an outage already logged by whoever saw it.
    EventLog.emit(LOG, status == 500 ? Level.SEVERE : Level.WARNING, "http.server_error", fields);
  }

  private void record(ContainerRequestContext request, String method, String route, int status) {
    Object startedAt = request.getProperty(STARTED_AT);
    Tag[] tags = {
      new Tag("method", method), new Tag("route", route), new Tag("status", statusClass(status))
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
