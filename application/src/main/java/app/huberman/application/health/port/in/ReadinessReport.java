package app.huberman.application.health.port.in;

import java.util.List;

/**
 * The outcome of one readiness check.
 *
 * @param dependencies one entry per probed dependency, in probe order
 */
public record ReadinessReport(List<DependencyStatus> dependencies) {

  public ReadinessReport {
    dependencies = List.copyOf(dependencies);
  }

  /** Ready when every dependency answered. */
  public boolean ready() {
    return dependencies.stream().allMatch(DependencyStatus::up);
  }

  /**
   * How one dependency answered.
   *
   * @param name short stable name ({@code database}, {@code redis})
   * @param detail why it is down, for operators; empty when up
   */
  public record DependencyStatus(String name, boolean up, String detail) {}
}
