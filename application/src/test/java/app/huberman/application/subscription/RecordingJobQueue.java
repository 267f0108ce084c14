package app.huberman.application.subscription;

import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A {@link JobQueuePort} that records what was enqueued and runs nothing. */
public final class RecordingJobQueue implements JobQueuePort {

  public record Enqueued(JobType type, JobPayload payload, JobOptions options) {}

  private final List<Enqueued> enqueued = new ArrayList<>();

  @Override
  public Optional<UUID> enqueue(JobType type, JobPayload payload, JobOptions options) {
    enqueued.add(new Enqueued(type, payload, options));
    return Optional.of(UUID.randomUUID());
  }

  public List<Enqueued> enqueued() {
    return List.copyOf(enqueued);
  }
}
