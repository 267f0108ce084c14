package app.huberman.application.health.port.out;

import java.time.Duration;

/** Checks that one dependency answers. Each adapter owning a connection offers one. */
public interface DependencyProbePort {

  /** A short stable name, used in health output and metrics. */
  String dependencyName();

  /**
   * Asks the dependency for a trivial answer, giving up after {@code timeout}.
   *
   * @throws Exception when the dependency did not answer in time or answered with an error; the
   *     message says why
   */
  void probe(Duration timeout) throws Exception;
}
