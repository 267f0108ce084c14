package app.huberman.application.subscription;

import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.job.port.out.NewJob;
import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A {@link JobQueuePort} that records what was enqueued and runs nothing: a job it recorded stays
 * queued, so its unique key stays taken, until the test says it {@link #finished}.
 */
public final class RecordingJobQueue implements JobQueuePort {

  public record Enqueued(JobType type, JobPayload payload, JobOptions options) {}

  private final List<Enqueued> enqueued = new ArrayList<>();
  private final Set<String> uniqueKeys = new HashSet<>();
  private int calls;

  @Override
  public synchronized List<Optional<UUID>> enqueueAll(List<NewJob> jobs) {
    calls++;
    List<Optional<UUID>> ids = new ArrayList<>(jobs.size());
    for (NewJob job : jobs) {
      Optional<String> key = job.options().uniqueKey();
      if (key.isPresent() && !uniqueKeys.add(key.get())) {
        ids.add(Optional.empty());
      } else {
        enqueued.add(new Enqueued(job.type(), job.payload(), job.options()));
        ids.add(Optional.of(UUID.randomUUID()));
      }
    }
    return ids;
  }

  /** The job ran and is gone, as a worker deletes it: its unique key is free again. */
  public synchronized void finished(Enqueued job) {
    job.options().uniqueKey().ifPresent(uniqueKeys::remove);
  }

  /** Whether a job it recorded holds this unique key (always, once recorded: none ever runs). */
  public synchronized boolean holds(String uniqueKey) {
    return uniqueKeys.contains(uniqueKey);
  }

  public synchronized List<Enqueued> enqueued() {
    return List.copyOf(enqueued);
  }

  /** How many times jobs were enqueued, one job or several at a time. */
  public synchronized int calls() {
    return calls;
  }
}
