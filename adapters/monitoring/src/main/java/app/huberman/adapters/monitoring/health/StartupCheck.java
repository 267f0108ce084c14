package app.huberman.adapters.monitoring.health;

import app.huberman.application.health.port.in.CheckStartupUseCase;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/** {@code /health/started}: the database schema has been migrated. */
@Startup
@Dependent
public class StartupCheck implements HealthCheck {

  private final CheckStartupUseCase startup;

  @Inject
  public StartupCheck(CheckStartupUseCase startup) {
    this.startup = startup;
  }

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("migrations").status(startup.started()).build();
  }
}
