package app.huberman.application.shared.port.out;

/**
 * Records that a capability fell back to a degraded mode because a dependency is down (Redis down:
 * rate limits per instance), so operators see it in logs and metrics.
 */
public interface DegradationEventsPort {

  /**
   * @param dependency the dependency that failed, e.g. {@code redis}
   * @param capability what now runs degraded, e.g. {@code rate-limiter}
   */
  void fellBack(String dependency, String capability, Throwable cause);
}
