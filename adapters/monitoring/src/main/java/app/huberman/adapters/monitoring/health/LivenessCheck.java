package app.huberman.adapters.monitoring.health;

import jakarta.enterprise.context.Dependent;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * {@code /health/live}: the process answers. It deliberately checks no dependency: a database
 * outage must make the instance unready, not get it restarted.
 */
@Liveness
@Dependent
public class LivenessCheck implements HealthCheck {

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("process").up().build();
  }
}
