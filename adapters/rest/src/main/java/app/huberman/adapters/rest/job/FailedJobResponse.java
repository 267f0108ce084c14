package app.huberman.adapters.rest.job;

import app.huberman.domain.job.FailedJob;
import java.time.Instant;
import java.util.UUID;

/** A failed job as operators see it (never its payload). */
public record FailedJobResponse(
    UUID uuid, String queue, String type, int attempts, String exception, Instant failedAt) {

  static FailedJobResponse from(FailedJob job) {
    return new FailedJobResponse(
        job.uuid(),
        job.queue().value(),
        job.type().value(),
        job.attempts(),
        job.exception(),
        job.failedAt());
  }
}
