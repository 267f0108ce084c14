package app.huberman.application.job.service;

import app.huberman.application.job.port.out.ClaimedJob;
import app.huberman.application.job.port.out.JobEventsPort;
import app.huberman.application.job.port.out.RescuedJob;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Recording what happened to a job must never change what happens to it. */
final class NeverFailingJobEvents implements JobEventsPort {

  private static final Logger LOG = Logger.getLogger(NeverFailingJobEvents.class.getName());

  private final JobEventsPort events;

  NeverFailingJobEvents(JobEventsPort events) {
    this.events = events;
  }

  @Override
  public void started(ClaimedJob job) {
    guarded(() -> events.started(job));
  }

  @Override
  public void succeeded(ClaimedJob job, Duration took) {
    guarded(() -> events.succeeded(job, took));
  }

  @Override
  public void retried(ClaimedJob job, Duration took, Duration delay, Throwable failure) {
    guarded(() -> events.retried(job, took, delay, failure));
  }

  @Override
  public void failed(ClaimedJob job, Duration took, String reason, Throwable failure) {
    guarded(() -> events.failed(job, took, reason, failure));
  }

  @Override
  public void lost(ClaimedJob job, Duration took) {
    guarded(() -> events.lost(job, took));
  }

  @Override
  public void rescued(RescuedJob job) {
    guarded(() -> events.rescued(job));
  }

  private static void guarded(Runnable record) {
    try {
      record.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Recording a job event failed; the job is not affected", e);
    }
  }
}
