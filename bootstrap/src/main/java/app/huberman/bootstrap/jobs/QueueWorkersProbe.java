package app.huberman.bootstrap.jobs;

import app.huberman.application.health.port.out.DependencyProbePort;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Readiness of this instance's queue workers: with {@code QUEUE_WORKERS} above 0, every worker
 * thread must still be running. A worker dies only when an {@link Error} escapes its loop; an
 * instance that silently lost its workers would otherwise look healthy while jobs pile up. Lives in
 * bootstrap because the threads do; reading a thread's state never blocks, so the probe's timeout
 * is not needed.
 */
@Dependent
public class QueueWorkersProbe implements DependencyProbePort {

  private final QueueWorkers workers;

  @Inject
  public QueueWorkersProbe(QueueWorkers workers) {
    this.workers = workers;
  }

  @Override
  public String dependencyName() {
    return "queue_workers";
  }

  @Override
  public void probe(Duration timeout) {
    int expected = workers.configuredWorkers();
    int alive = workers.aliveWorkers();
    if (alive < expected) {
      throw new IllegalStateException(alive + " of " + expected + " queue workers are running");
    }
  }
}
