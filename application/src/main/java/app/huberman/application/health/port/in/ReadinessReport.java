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

  /** Ready when every essential dependency answered. */
  public boolean ready() {
    return dependencies.stream().allMatch(status -> status.up() || !status.essential());
  }

  /**
   * How one dependency answered.
   *
   * @param name short stable name ({@code database}, {@code redis})
   * @param detail why it is down, for operators; empty when up
   * @param essential whether the instance is unready while it is down ({@link
   *     app.huberman.application.health.port.out.DependencyProbePort#essential()})
   */
  public record DependencyStatus(String name, boolean up, String detail, boolean essential) {

    /** An essential dependency's status. */
    public DependencyStatus(String name, boolean up, String detail) {
      this(name, up, detail, true);
    }
  }
}
