package app.huberman.adapters.monitoring;

import app.huberman.adapters.monitoring.logging.EventLog;
import app.huberman.adapters.monitoring.metrics.MetricHandles;
import app.huberman.application.shared.port.out.DegradationEventsPort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/** Logs {@code dependency.fallback} and counts {@code dependency_fallbacks_total}. */
@ApplicationScoped
public class DegradationEventsRecorder implements DegradationEventsPort {

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
