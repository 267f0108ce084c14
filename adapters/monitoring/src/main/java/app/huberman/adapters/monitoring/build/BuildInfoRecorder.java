package app.huberman.adapters.monitoring.build;

import app.huberman.adapters.monitoring.logging.EventLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * When the application starts: exports {@code app_build_info{version, commit}} (always 1, the
 * labels are the information: {@code count by (version) (app_build_info)} shows which versions run
 * during a rolling update) and logs one {@code app.build_info} event with the same fields.
 */
@ApplicationScoped
public class BuildInfoRecorder {

  static final String EVENT = "app.build_info";
  static final Metadata METADATA =
      Metadata.builder()
          .withName("app_build_info")
          .withDescription("The running build: its version and git commit as labels, value 1")
          .withUnit(MetricUnits.NONE)
          .build();

  /**
   * Pinned to INFO (held here, so that the level is not lost with a collected logger): one line per
   * start that says which build wrote the log, also where LOG_LEVEL (production: WARNING) would
   * drop it.
   */
  static final Logger LOG = Logger.getLogger("app.huberman.build");

  static {
    LOG.setLevel(Level.INFO);
  }

  private MetricRegistry registry;
  private BuildInfo build;

  /** For the CDI proxy only. */
  protected BuildInfoRecorder() {}

  @Inject
  public BuildInfoRecorder(MetricRegistry registry) {
    this(registry, BuildInfo.current());
  }

  BuildInfoRecorder(MetricRegistry registry, BuildInfo build) {
    this.registry = registry;
    this.build = build;
  }

  void recordAtStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    record();
  }

  void record() {
    registry.gauge(
        METADATA, () -> 1, new Tag("version", build.version()), new Tag("commit", build.commit()));
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("version", build.version());
    fields.put("commit", build.commit());
    EventLog.emit(LOG, Level.INFO, EVENT, fields);
  }
}
