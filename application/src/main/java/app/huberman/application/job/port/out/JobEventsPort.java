package app.huberman.application.job.port.out;

import java.time.Duration;

/** Records what happens to jobs (logs and metrics); never sees a payload. */
public interface JobEventsPort {

  void started(ClaimedJob job);

  void succeeded(ClaimedJob job, Duration took);

  void retried(ClaimedJob job, Duration took, Duration delay, Throwable failure);

  void failed(ClaimedJob job, Duration took, String reason, Throwable failure);

  /** The worker finished after its reservation was lost; its work was rolled back. */
  void lost(ClaimedJob job, Duration took);

  void rescued(RescuedJob job);
}
