package app.huberman.adapters.monitoring.metrics;

import app.huberman.adapters.monitoring.logging.EventLog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts and times one answered API request, labelled by method, route template and status class
 * ({@code 2xx} ... {@code 5xx}), and logs every 5xx answer as the event {@code http.server_error}
 * (method, route, status; the request id comes with the line): the one stable name for "the API
 * failed a request" whatever the cause. Shared by the filters of JAX-RS routes and of servlets.
 */
final class HttpRequestRecorder {

  static final String REQUESTS = "http_server_requests";
  static final String DURATION = "http_server_request_duration";
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

  private final MetricHandles metrics;
  private final boolean enabled;

  HttpRequestRecorder(MetricRegistry registry, HttpMetricsSettings settings) {
    this.metrics = new MetricHandles(registry);
    this.enabled = settings.enabled();
  }

  /** Whether requests are counted and timed; 5xx answers are logged either way. */
  boolean enabled() {
    return enabled;
  }

  /**
   * @param startedAt {@link System#nanoTime()} when the request arrived, or null if unknown (the
   *     request is then counted but not timed)
   */
  void answered(String method, String route, int status, Long startedAt) {
    String upperMethod = method.toUpperCase(Locale.ROOT);
    if (status >= 500) {
      logServerError(upperMethod, route, status);
    }
    if (!enabled) {
      return;
    }
    Tag[] tags = {
      new Tag("method", upperMethod),
      new Tag("route", route),
      new Tag("status", statusClass(status))
    };
    metrics.counter(REQUESTS_METADATA, tags).inc();
    if (startedAt != null) {
      metrics
          .timer(DURATION_METADATA, tags)
          .update(Duration.ofNanos(System.nanoTime() - startedAt));
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

  static String statusClass(int status) {
    return status < 100 || status > 599 ? "other" : (status / 100) + "xx";
  }
}
