package app.huberman.application.health.service;

import app.huberman.application.health.port.in.CheckServingUseCase;
import java.util.Objects;

/**
 * Starting until the schema is recorded, draining once the drain began, closing once the port
 * closed, serving in between.
 */
public final class CheckServingService implements CheckServingUseCase {

  private final MigratedSchema migrated;
  private final Draining draining;

  public CheckServingService(MigratedSchema migrated, Draining draining) {
    this.migrated = Objects.requireNonNull(migrated, "migrated");
    this.draining = Objects.requireNonNull(draining, "draining");
  }

  @Override
  public Serving serving() {
    if (migrated.version().isEmpty()) {
      return Serving.STARTING;
    }
    if (draining.isPortClosed()) {
      return Serving.CLOSING;
    }
    return draining.begun() ? Serving.DRAINING : Serving.SERVING;
  }
}
