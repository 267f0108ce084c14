package app.huberman.application.job;

import app.huberman.application.job.port.out.ClaimedJob;
import app.huberman.application.job.port.out.JobStorePort;
import app.huberman.application.job.port.out.NextJobs;
import app.huberman.application.job.port.out.RescuedJob;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.job.QueueName;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The job queue in memory for worker tests: jobs in enqueue order, reservations fenced by holder
 * and attempt as in PostgreSQL, and a record of every worker's turn ({@code nextJobs}). No clock: a
 * retried job is simply not available again.
 */
public final class InMemoryJobStore implements JobStorePort {

  /** A stored job and its reservation (null holder: free). */
  public static final class StoredJob {
    private final long id;
    private final JobType type;
    private final JobPayload payload;
    private final int maxAttempts;
    private final Duration runTimeLimit;
    private int attempts;
    private String reservedBy;
    private boolean available = true;

    StoredJob(long id, JobType type, JobPayload payload, int maxAttempts, Duration runTimeLimit) {
      this.id = id;
      this.type = type;
      this.payload = payload;
      this.maxAttempts = maxAttempts;
      this.runTimeLimit = runTimeLimit;
    }

    public int attempts() {
      return attempts;
    }

    public Optional<String> reservedBy() {
      return Optional.ofNullable(reservedBy);
    }

    public boolean available() {
      return available;
    }

    private boolean heldAs(ClaimedJob job) {
      return job.reservedBy().equals(reservedBy) && job.attempts() == attempts;
    }
  }

  /** One call of {@code nextJobs}: the ids it was asked to complete, and its limit. */
  public record Turn(List<Long> finishedIds, int max) {}

  private final Map<Long, StoredJob> jobs = new LinkedHashMap<>();
  private final Map<Long, String> buried = new LinkedHashMap<>();
  private final List<Turn> turns = new ArrayList<>();
  private long nextId = 1;

  /** Adds an available job on the default queue, with the default run-time limit. */
  public synchronized long add(JobType type, String n) {
    return add(type, n, 5, Duration.ofSeconds(60));
  }

  public synchronized long add(JobType type, String n, int maxAttempts, Duration runTimeLimit) {
    long id = nextId++;
    jobs.put(
        id, new StoredJob(id, type, JobPayload.of(1, Map.of("n", n)), maxAttempts, runTimeLimit));
    return id;
  }

  public synchronized Optional<StoredJob> job(long id) {
    return Optional.ofNullable(jobs.get(id));
  }

  public synchronized Set<Long> ids() {
    return Set.copyOf(jobs.keySet());
  }

  public synchronized Map<Long, String> buried() {
    return Map.copyOf(buried);
  }

  public synchronized List<Turn> turns() {
    return List.copyOf(turns);
  }

  /** What a rescue and another worker's claim do: the job is now held by {@code worker}. */
  public synchronized void takeOver(long id, String worker) {
    StoredJob job = jobs.get(id);
    job.reservedBy = worker;
    job.attempts++;
  }

  @Override
  public synchronized NextJobs nextJobs(
      List<ClaimedJob> finished, Set<QueueName> queues, int max, String workerId) {
    turns.add(new Turn(finished.stream().map(ClaimedJob::id).toList(), max));
    List<ClaimedJob> lost = finished.stream().filter(job -> !complete(job)).toList();
    List<ClaimedJob> claimed = new ArrayList<>();
    for (StoredJob job : jobs.values()) {
      if (claimed.size() >= max) {
        break;
      }
      if (job.reservedBy == null && job.available && queues.contains(QueueName.DEFAULT)) {
        job.reservedBy = workerId;
        job.attempts++;
        claimed.add(
            new ClaimedJob(
                job.id,
                new UUID(0, job.id),
                QueueName.DEFAULT,
                job.type,
                job.payload,
                job.attempts,
                job.maxAttempts,
                workerId,
                Duration.ZERO,
                job.runTimeLimit));
      }
    }
    return new NextJobs(lost, claimed);
  }

  @Override
  public synchronized boolean complete(ClaimedJob job) {
    return fenced(job) && jobs.remove(job.id()) != null;
  }

  @Override
  public synchronized boolean retryLater(ClaimedJob job, Duration delay) {
    if (!fenced(job)) {
      return false;
    }
    StoredJob stored = jobs.get(job.id());
    stored.reservedBy = null;
    stored.available = false;
    return true;
  }

  @Override
  public synchronized boolean bury(ClaimedJob job, String failure) {
    if (!fenced(job)) {
      return false;
    }
    jobs.remove(job.id());
    buried.put(job.id(), failure);
    return true;
  }

  @Override
  public synchronized boolean release(ClaimedJob job) {
    if (!fenced(job)) {
      return false;
    }
    StoredJob stored = jobs.get(job.id());
    stored.reservedBy = null;
    stored.attempts--;
    return true;
  }

  @Override
  public synchronized List<RescuedJob> rescueAbandoned(int max) {
    return List.of();
  }

  private boolean fenced(ClaimedJob job) {
    StoredJob stored = jobs.get(job.id());
    return stored != null && stored.heldAs(job);
  }
}
