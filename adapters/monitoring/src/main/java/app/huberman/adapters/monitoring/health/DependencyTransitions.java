package app.huberman.adapters.monitoring.health;

import app.huberman.adapters.monitoring.logging.EventLog;
import app.huberman.application.health.port.in.ReadinessReport.DependencyStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Logs {@code dependency.down} when a readiness probe first finds a dependency (PostgreSQL, Redis,
 * disk, queue workers) failing, and {@code dependency.up} when it answers again: one line per
 * change, not one per probe, so an outage reads as two events with its cause in between.
 */
@ApplicationScoped
public class DependencyTransitions {

  private static final Logger LOG = Logger.getLogger("app.huberman.dependencies");

  private final Map<String, Boolean> lastUp = new ConcurrentHashMap<>();

  void observed(DependencyStatus status) {
    if (status.name().equals("schema")) {
      return; // unready until migrated at every start: start-up, not an outage
    }
    Boolean before = lastUp.put(status.name(), status.up());
    boolean wentDown = !status.up() && !Boolean.FALSE.equals(before);
    boolean cameBack = status.up() && Boolean.FALSE.equals(before);
    if (wentDown || cameBack) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("dependency", status.name());
      if (wentDown) {
        fields.put("reason", status.detail());
      }
      EventLog.emit(
          LOG,
          wentDown ? Level.WARNING : Level.INFO,
          wentDown ? "dependency.down" : "dependency.up",
          fields);
    }
  }
}
