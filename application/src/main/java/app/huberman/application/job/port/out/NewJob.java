package app.huberman.application.job.port.out;

import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import java.util.Objects;

/** A job to enqueue: what runs, with what, and how. */
public record NewJob(JobType type, JobPayload payload, JobOptions options) {

  public NewJob {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(options, "options");
  }
}
