package app.huberman.application.job.port.out;

import java.time.Duration;

/** Tells idle workers that jobs were enqueued, so they need not poll often. */
public interface JobSignalPort {

  /**
   * Waits until a job is enqueued anywhere, or until {@code timeout} passes.
   *
   * @return whether a signal arrived (false on timeout: the caller should look anyway)
   */
  boolean awaitWork(Duration timeout) throws InterruptedException;
}
