package app.huberman.application.health.service;

import app.huberman.application.health.port.in.DrainInstanceUseCase;
import java.util.Objects;

/**
 * Begins this instance's drain (readiness turns DOWN at once and stays DOWN), and records when its
 * port has closed.
 */
public final class DrainInstanceService implements DrainInstanceUseCase {

  private final Draining draining;

  public DrainInstanceService(Draining draining) {
    this.draining = Objects.requireNonNull(draining, "draining");
  }

  @Override
  public void beginDrain() {
    draining.begin();
  }

  @Override
  public void portClosed() {
    draining.portClosed();
  }
}
