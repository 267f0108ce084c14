package app.huberman.application.job;

import app.huberman.application.job.port.out.FailedJobRepository;
import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.job.port.out.NewJob;
import app.huberman.domain.job.FailedJob;
import app.huberman.domain.job.JobType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The queue and its failed jobs in memory, as the tables hold them: a unique key is taken while a
 * job with it is queued (or running), and freed when the test finishes or buries that job. Times
 * come from the clock it is given.
 */
public final class InMemoryJobQueue implements JobQueuePort, FailedJobRepository {

  /** A job queued or running. */
  public record Queued(UUID uuid, NewJob job) {}

  private record Failed(UUID uuid, NewJob job, String exception, Instant failedAt) {}

  private final Clock clock;
  private final Map<UUID, Queued> queued = new LinkedHashMap<>();
  private final Map<UUID, Failed> failed = new LinkedHashMap<>();

  public InMemoryJobQueue(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized List<Optional<UUID>> enqueueAll(List<NewJob> jobs) {
    List<Optional<UUID>> ids = new ArrayList<>(jobs.size());
    for (NewJob job : jobs) {
      ids.add(add(UUID.randomUUID(), job));
    }
    return ids;
  }

  private Optional<UUID> add(UUID uuid, NewJob job) {
    if (job.options().uniqueKey().filter(this::holds).isPresent()) {
      return Optional.empty();
    }
    queued.put(uuid, new Queued(uuid, job));
    return Optional.of(uuid);
  }

  /** Whether a queued or running job holds this unique key. */
  public synchronized boolean holds(String uniqueKey) {
    return queued.values().stream()
        .anyMatch(q -> q.job().options().uniqueKey().filter(uniqueKey::equals).isPresent());
  }

  /** The {@code key} value of the payload of each queued or running job of the type. */
  public synchronized List<String> payloadValues(JobType type, String key) {
    return queued.values().stream()
        .filter(queued -> queued.job().type().equals(type))
        .map(queued -> queued.job().payload().require(key))
        .toList();
  }

  public synchronized List<Queued> queued() {
    return List.copyOf(queued.values());
  }

  /** The job succeeded: it leaves the queue. */
  public synchronized void finish(UUID uuid) {
    queued.remove(uuid);
  }

  /** The queued jobs that match give up and become failed jobs, failed now. */
  public synchronized void buryAll(Predicate<NewJob> which, String exception) {
    for (Queued job : List.copyOf(queued.values())) {
      if (which.test(job.job())) {
        queued.remove(job.uuid());
        failed.put(job.uuid(), new Failed(job.uuid(), job.job(), exception, clock.instant()));
      }
    }
  }

  @Override
  public synchronized List<FailedJob> list(int limit) {
    return failed.values().stream()
        .sorted(Comparator.comparing(Failed::failedAt).reversed())
        .limit(limit)
        .map(
            f ->
                new FailedJob(
                    f.uuid(),
                    f.job().options().queue(),
                    f.job().type(),
                    f.job().options().maxAttempts(),
                    f.exception(),
                    f.failedAt()))
        .toList();
  }

  @Override
  public synchronized boolean requeue(UUID uuid) {
    return requeueWhere(f -> f.uuid().equals(uuid)) == 1;
  }

  @Override
  public synchronized int requeueAll() {
    return requeueWhere(f -> true);
  }

  @Override
  public synchronized int requeueByUniqueKey(Collection<String> uniqueKeys) {
    return requeueWhere(
        f -> f.job().options().uniqueKey().filter(uniqueKeys::contains).isPresent());
  }

  private int requeueWhere(Predicate<Failed> which) {
    int taken = 0;
    for (Failed job : List.copyOf(failed.values())) {
      if (which.test(job)) {
        failed.remove(job.uuid());
        add(job.uuid(), job.job());
        taken++;
      }
    }
    return taken;
  }

  @Override
  public synchronized boolean forget(UUID uuid) {
    return failed.remove(uuid) != null;
  }

  @Override
  public synchronized int pruneOlderThan(Duration age, Set<JobType> kept) {
    Instant cutoff = clock.instant().minus(age);
    List<UUID> pruned =
        failed.values().stream()
            .filter(f -> f.failedAt().isBefore(cutoff) && !kept.contains(f.job().type()))
            .map(Failed::uuid)
            .toList();
    pruned.forEach(failed::remove);
    return pruned.size();
  }
}
