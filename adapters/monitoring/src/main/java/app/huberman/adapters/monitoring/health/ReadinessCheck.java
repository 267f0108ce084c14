package app.huberman.adapters.monitoring.health;

import app.huberman.application.health.port.in.CheckReadinessUseCase;
import app.huberman.application.health.port.in.ReadinessReport;
import app.huberman.application.health.port.in.ReadinessReport.DependencyStatus;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready}: the schema is migrated, PostgreSQL and Redis answer, the volumes the app
 * writes to have space and the queue workers run. Each probe has a deadline, so this answers within
 * a few seconds whatever hangs.
 */
@Readiness
@Dependent
public class ReadinessCheck implements HealthCheck {

  private final CheckReadinessUseCase readiness;
  private final DependencyTransitions transitions;

  @Inject
  public ReadinessCheck(CheckReadinessUseCase readiness, DependencyTransitions transitions) {
    this.readiness = readiness;
    this.transitions = transitions;
  }

  @Override
  public HealthCheckResponse call() {
    ReadinessReport report = readiness.checkReadiness();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("dependencies").status(report.ready());
    for (DependencyStatus dependency : report.dependencies()) {
      transitions.observed(dependency);
      response.withData(dependency.name(), dependency.up() ? "UP" : "DOWN: " + dependency.detail());
    }
    return response.build();
  }
}
