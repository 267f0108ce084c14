package app.huberman.application.health.service;

/**
 * Whether this instance is draining before it stops: {@link DrainInstanceService} begins it, {@link
 * CheckReadinessService} and {@link CheckServingService} read it. One per instance; a drain is
 * never undone.
 */
public final class Draining {

  private volatile boolean begun;

  void begin() {
    begun = true;
  }

  boolean begun() {
    return begun;
  }
}
