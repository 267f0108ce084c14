package app.huberman.application.health.service;

import app.huberman.application.health.port.in.CheckReadinessUseCase;
import app.huberman.application.health.port.in.ReadinessReport;
import app.huberman.application.health.port.in.ReadinessReport.DependencyStatus;
import app.huberman.application.health.port.out.DependencyProbePort;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

public final class CheckReadinessService implements CheckReadinessUseCase {

  private final List<DependencyProbePort> probes;
  private final Duration probeTimeout;

  public CheckReadinessService(List<DependencyProbePort> probes, Duration probeTimeout) {
    this.probes = List.copyOf(probes);
    this.probeTimeout = Objects.requireNonNull(probeTimeout, "probeTimeout");
  }

  @Override
  public ReadinessReport checkReadiness() {
    return new ReadinessReport(probes.stream().map(this::probe).toList());
  }

  private DependencyStatus probe(DependencyProbePort probe) {
    try {
      probe.probe(probeTimeout);
      return new DependencyStatus(probe.dependencyName(), true, "");
    } catch (Exception e) {
      String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      return new DependencyStatus(probe.dependencyName(), false, reason);
    }
  }
}
