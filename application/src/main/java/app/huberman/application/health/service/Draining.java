package app.huberman.application.health.service;

/**
 * Whether this instance is draining before it stops, and whether its port has closed since: {@link
 * DrainInstanceService} records both, {@link CheckReadinessService} and {@link CheckServingService}
 * read them. One per instance; a drain is never undone.
 */
public final class Draining {

  private volatile boolean begun;
  private volatile boolean portClosed;

  void begin() {
    begun = true;
  }

  void portClosed() {
    begun = true;
    portClosed = true;
  }

  boolean begun() {
    return begun;
  }

  boolean isPortClosed() {
    return portClosed;
  }
}
