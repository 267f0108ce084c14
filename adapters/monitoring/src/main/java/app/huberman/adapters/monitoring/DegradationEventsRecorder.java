package app.huberman.adapters.monitoring;

import app.huberman.adapters.monitoring.logging.EventLog;
import app.huberman.adapters.monitoring.metrics.MetricHandles;
import app.huberman.application.shared.port.out.DegradationEventsPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Logs {@code dependency.fallback} and counts {@code dependency_fallbacks_total}. The Redis
 * adapter's fallbacks are counted from 0 from the start, so that an alert's {@code increase()} sees
 * the first one (a counter born at 1 shows no increase) and the series exists before any outage.
 */
@ApplicationScoped
public class DegradationEventsRecorder implements DegradationEventsPort {

  /**
   * The Redis adapter's fallbacks ({@code RedissonRateLimiter}, {@code RedisEntitlementCache}) and
   * the plan catalogue served from memory while PostgreSQL is down ({@code ListPlansService}).
   */
  static final List<Tag[]> KNOWN_FALLBACKS =
      List.of(
          new Tag[] {new Tag("dependency", "redis"), new Tag("capability", "rate-limiter")},
          new Tag[] {new Tag("dependency", "redis"), new Tag("capability", "entitlement-cache")},
          new Tag[] {new Tag("dependency", "database"), new Tag("capability", "plans")});

  private static final Logger LOG = Logger.getLogger("app.huberman.dependencies");
  private static final Metadata FALLBACKS =
      Metadata.builder()
          .withName("dependency_fallbacks")
          .withDescription(
              "Times a capability fell back to a degraded mode because a dependency was down")
          .build();

  private MetricHandles metrics;

  /** For the CDI proxy only. */
  protected DegradationEventsRecorder() {}

  @Inject
  public DegradationEventsRecorder(MetricRegistry registry) {
    this.metrics = new MetricHandles(registry);
  }

  void registerAtStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    registerKnown();
  }

  void registerKnown() {
    for (Tag[] tags : KNOWN_FALLBACKS) {
      metrics.counter(FALLBACKS, tags);
    }
  }

  @Override
  public void fellBack(String dependency, String capability, Throwable cause) {
    metrics
        .counter(FALLBACKS, new Tag("dependency", dependency), new Tag("capability", capability))
        .inc();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("dependency", dependency);
    fields.put("capability", capability);
    fields.put("error", cause == null ? "" : cause.getClass().getName());
    EventLog.emit(LOG, Level.WARNING, "dependency.fallback", fields);
  }
}
