package app.huberman.adapters.monitoring.jobs;

import app.huberman.adapters.monitoring.logging.EventLog;
import app.huberman.adapters.monitoring.metrics.MetricHandles;
import app.huberman.application.job.port.out.ClaimedJob;
import app.huberman.application.job.port.out.JobEventsPort;
import app.huberman.application.job.port.out.RescuedJob;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Logs {@code job.started}, {@code job.succeeded}, {@code job.retried}, {@code job.failed}, {@code
 * job.lost} and {@code job.rescued} with the job's id, type, attempt and duration, and counts and
 * times them. A failure is logged by its class only: messages may carry payload data.
 */
@ApplicationScoped
public class JobEventsRecorder implements JobEventsPort {

  static final String PROCESSED = "jobs_processed";
  static final String RUN_DURATION = "job_run_duration";
  static final String WAIT_DURATION = "job_wait_duration";
  static final String RESCUED = "jobs_rescued";

  private static final Logger LOG = Logger.getLogger("app.huberman.jobs");
  private static final Metadata PROCESSED_METADATA =
      Metadata.builder()
          .withName(PROCESSED)
          .withDescription(
              "Job attempts finished, by type and outcome (succeeded, retried, failed, lost)")
          .build();
  private static final Metadata RUN_METADATA =
      Metadata.builder()
          .withName(RUN_DURATION)
          .withDescription("Time one job attempt ran, by type")
          .withUnit(MetricUnits.SECONDS)
          .build();
  private static final Metadata WAIT_METADATA =
      Metadata.builder()
          .withName(WAIT_DURATION)
          .withDescription("Time from a job becoming runnable to a worker starting it, by queue")
          .withUnit(MetricUnits.SECONDS)
          .build();
  private static final Metadata RESCUED_METADATA =
      Metadata.builder()
          .withName(RESCUED)
          .withDescription("Jobs freed after their worker went silent past the visibility timeout")
          .build();

  private MetricHandles metrics;

  /** For the CDI proxy only. */
  protected JobEventsRecorder() {}

  @Inject
  public JobEventsRecorder(MetricRegistry registry) {
    this.metrics = new MetricHandles(registry);
  }

  @Override
  public void started(ClaimedJob job) {
    metrics.timer(WAIT_METADATA, new Tag("queue", job.queue().value())).update(job.waited());
    EventLog.emit(LOG, Level.FINE, "job.started", fields(job, null));
  }

  @Override
  public void succeeded(ClaimedJob job, Duration took) {
    finished(job, took, "succeeded");
    EventLog.emit(LOG, Level.INFO, "job.succeeded", fields(job, took));
  }

  @Override
  public void retried(ClaimedJob job, Duration took, Duration delay, Throwable failure) {
    finished(job, took, "retried");
    Map<String, Object> fields = fields(job, took);
    fields.put("retry_in_ms", delay.toMillis());
    fields.put("error", failure.getClass().getName());
    EventLog.emit(LOG, Level.WARNING, "job.retried", fields);
  }

  @Override
  public void failed(ClaimedJob job, Duration took, String reason, Throwable failure) {
    finished(job, took, "failed");
    Map<String, Object> fields = fields(job, took);
    fields.put("reason", reason);
    fields.put("error", failure.getClass().getName());
    EventLog.emit(LOG, Level.SEVERE, "job.failed", fields);
  }

  @Override
  public void lost(ClaimedJob job, Duration took) {
    finished(job, took, "lost");
    EventLog.emit(LOG, Level.WARNING, "job.lost", fields(job, took));
  }

  @Override
  public void rescued(RescuedJob job) {
    metrics.counter(RESCUED_METADATA, new Tag("type", job.type().value())).inc();
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("job_uuid", job.uuid().toString());
    fields.put("job_type", job.type().value());
    fields.put("attempt", job.attempts());
    fields.put("abandoned_by", job.abandonedBy());
    fields.put("outcome", job.buried() ? "failed" : "requeued");
    EventLog.emit(LOG, Level.WARNING, "job.rescued", fields);
  }

  private void finished(ClaimedJob job, Duration took, String outcome) {
    Tag type = new Tag("type", job.type().value());
    metrics.counter(PROCESSED_METADATA, type, new Tag("outcome", outcome)).inc();
    metrics.timer(RUN_METADATA, type).update(took);
  }

  private static Map<String, Object> fields(ClaimedJob job, Duration took) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("job_uuid", job.uuid().toString());
    fields.put("job_type", job.type().value());
    fields.put("queue", job.queue().value());
    fields.put("attempt", job.attempts());
    fields.put("max_attempts", job.maxAttempts());
    if (took != null) {
      fields.put("duration_ms", took.toMillis());
    } else {
      fields.put("waited_ms", job.waited().toMillis());
    }
    return fields;
  }
}
