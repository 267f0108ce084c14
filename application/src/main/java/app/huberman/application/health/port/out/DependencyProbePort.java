package app.huberman.application.health.port.out;

import java.time.Duration;

/** Checks that one dependency answers. Each adapter owning a connection offers one. */
public interface DependencyProbePort {

  /** A short stable name, used in health output and metrics. */
  String dependencyName();

  /**
   * Whether the instance cannot serve without it. A dependency the application degrades without
   * (Redis: limits per instance, entitlements from PostgreSQL) is reported, but does not make the
   * instance unready: every instance would be taken out of rotation at once, and an outage of it
   * would become an outage of the API.
   */
  default boolean essential() {
    return true;
  }

  /**
   * Asks the dependency for a trivial answer, giving up after {@code timeout}.
   *
   * @throws Exception when the dependency did not answer in time or answered with an error; the
   *     message says why
   */
  void probe(Duration timeout) throws Exception;
}
