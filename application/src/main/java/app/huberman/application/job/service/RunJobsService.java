package app.huberman.application.job.service;

import app.huberman.application.job.JobHandler;
import app.huberman.application.job.JobHandler.Completion;
import app.huberman.application.job.JobHandlers;
import app.huberman.application.job.port.in.RunJobsUseCase;
import app.huberman.application.job.port.out.ClaimedJob;
import app.huberman.application.job.port.out.JobEventsPort;
import app.huberman.application.job.port.out.JobStorePort;
import app.huberman.application.job.port.out.NextJobs;
import app.huberman.application.job.port.out.RescuedJob;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.domain.job.FailureVerdict;
import app.huberman.domain.job.PermanentJobFailure;
import app.huberman.domain.job.QueueName;
import app.huberman.domain.job.RetryLaterJobFailure;
import app.huberman.domain.job.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Runs jobs at least once. The claim commits on its own, so a worker that dies leaves a reservation
 * that times out and is rescued. By default the handler's work and the job's deletion commit
 * together, fenced by the reservation: a worker that lost it (it ran past its visibility timeout
 * and the job went to another worker) rolls its work back instead of committing it a second time.
 *
 * <p>A handler that changes nothing in the database ({@link Completion#AFTER_WORK}) runs outside
 * any transaction; its job is deleted afterwards, fenced the same way, together with the worker's
 * other finished jobs when it asks for its next jobs ({@link JobStorePort#nextJobs}). A finished
 * job waits for that at most about {@link #COMPLETION_DELAY_LIMIT} plus the run of one other job:
 * before starting a job, the worker deletes its finished jobs if the oldest was claimed longer ago
 * than that limit, or if the job about to start may run longer than one of them, so that, the
 * visibility timeout being at least 30 s longer than the run-time limit, no finished job's
 * reservation runs out while it waits. A worker that dies meanwhile leaves them reserved, and they
 * run again.
 */
public final class RunJobsService implements RunJobsUseCase {

  static final int RESCUE_BATCH = 100;

  /** How long after its claim a finished job may still wait for its deletion. */
  static final Duration COMPLETION_DELAY_LIMIT = Duration.ofSeconds(1);

  private final JobStorePort store;
  private final JobHandlers handlers;
  private final JobEventsPort events;
  private final UnitOfWorkPort unitOfWork;
  private final RetryPolicy retryPolicy;
  private final RandomGenerator random;
  private final LongSupplier nanoTime;

  /** Per worker: the jobs it finished and has not deleted yet. Each is used by its worker only. */
  private final Map<String, FinishedJobs> finishedByWorker = new ConcurrentHashMap<>();

  /**
   * @param random draws the jitter of retry delays
   * @param nanoTime the ticker that measures durations ({@code System::nanoTime})
   */
  public RunJobsService(
      JobStorePort store,
      JobHandlers handlers,
      JobEventsPort events,
      UnitOfWorkPort unitOfWork,
      RetryPolicy retryPolicy,
      RandomGenerator random,
      LongSupplier nanoTime) {
    this.store = Objects.requireNonNull(store, "store");
    this.handlers = Objects.requireNonNull(handlers, "handlers");
    this.events = new NeverFailingJobEvents(Objects.requireNonNull(events, "events"));
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    this.random = Objects.requireNonNull(random, "random");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  @Override
  public int runNextBatch(
      String workerId, Set<QueueName> queues, int batchSize, BooleanSupplier stopping) {
    FinishedJobs finished = finishedByWorker.computeIfAbsent(workerId, id -> new FinishedJobs());
    List<ClaimedJob> claimed = nextJobs(finished, queues, batchSize, workerId);
    long claimedAt = nanoTime.getAsLong();
    int started = 0;
    try {
      for (ClaimedJob job : claimed) {
        if (stopping.getAsBoolean()) {
          break;
        }
        if (finished.mustCompleteBefore(job, nanoTime.getAsLong())) {
          complete(finished);
        }
        started++;
        run(job, claimedAt, finished);
      }
    } finally {
      // Stopping, or a failure: the job in hand (if any) stays reserved and is rescued; the jobs
      // not started need not wait for that.
      release(claimed.subList(started, claimed.size()));
    }
    if (stopping.getAsBoolean()) {
      complete(finished);
    }
    return claimed.size();
  }

  @Override
  public void completeFinishedJobs(String workerId) {
    FinishedJobs finished = finishedByWorker.get(workerId);
    if (finished != null) {
      complete(finished);
    }
  }

  /** Outside any unit of work: completes the finished jobs and takes the next ones, atomically. */
  private List<ClaimedJob> nextJobs(
      FinishedJobs finished, Set<QueueName> queues, int batchSize, String workerId) {
    NextJobs next = store.nextJobs(finished.jobs(), queues, batchSize, workerId);
    finished.completed(next.lost(), events);
    return next.claimed();
  }

  private void complete(FinishedJobs finished) {
    if (!finished.isEmpty()) {
      finished.completed(store.completeAll(finished.jobs()), events);
    }
  }

  private void release(List<ClaimedJob> unstarted) {
    if (!unstarted.isEmpty()) {
      unitOfWork.atomically(() -> unstarted.stream().filter(store::release).count());
    }
  }

  @Override
  public int rescueAbandonedJobs() {
    List<RescuedJob> rescued = unitOfWork.atomically(() -> store.rescueAbandoned(RESCUE_BATCH));
    rescued.forEach(events::rescued);
    return rescued.size();
  }

  private void run(ClaimedJob job, long claimedAt, FinishedJobs finished) {
    events.started(job);
    long startedAt = nanoTime.getAsLong();
    Optional<JobHandler> handler = handlers.forType(job.type());
    if (handler.isEmpty()) {
      PermanentJobFailure failure =
          new PermanentJobFailure("No handler for job type " + job.type().value());
      giveUp(job, "no handler", failure, startedAt);
      return;
    }
    switch (handler.get().completion()) {
      case WITH_WORK -> runWithItsCompletion(handler.get(), job, startedAt);
      case AFTER_WORK -> {
        try {
          handler.get().handle(job.payload());
        } catch (RuntimeException | Error failure) {
          afterFailure(job, survivable(failure), startedAt);
          return;
        }
        finished.add(job, since(startedAt), claimedAt);
      }
    }
  }

  private void runWithItsCompletion(JobHandler handler, ClaimedJob job, long startedAt) {
    try {
      unitOfWork.atomically(
          job.runTimeLimit(),
          () -> {
            handler.handle(job.payload());
            if (!store.complete(job)) {
              throw new ReservationLost();
            }
            return null;
          });
      events.succeeded(job, since(startedAt));
    } catch (ReservationLost lost) {
      events.lost(job, since(startedAt));
    } catch (RuntimeException | Error failure) {
      afterFailure(job, survivable(failure), startedAt);
    }
  }

  /**
   * A handler's {@code Error} (an assertion, a missing class, a stack overflow) fails its attempt
   * like an exception: it is retried and, in the end, buried, and the worker carries on. Only an
   * {@code OutOfMemoryError} goes on up: after it nothing in the JVM can be trusted.
   */
  private static Throwable survivable(Throwable failure) {
    if (failure instanceof OutOfMemoryError outOfMemory) {
      throw outOfMemory;
    }
    return failure;
  }

  private void afterFailure(ClaimedJob job, Throwable failure, long startedAt) {
    FailureVerdict verdict =
        retryPolicy.afterFailure(
            job.attempts(),
            job.maxAttempts(),
            failure instanceof PermanentJobFailure,
            failure instanceof RetryLaterJobFailure later ? later.notSooner() : Duration.ZERO,
            random);
    switch (verdict) {
      case FailureVerdict.RetryAfter retry -> {
        if (unitOfWork.atomically(() -> store.retryLater(job, retry.delay()))) {
          events.retried(job, since(startedAt), retry.delay(), failure);
        } else {
          events.lost(job, since(startedAt));
        }
      }
      case FailureVerdict.GiveUp giveUp -> giveUp(job, giveUp.reason(), failure, startedAt);
    }
  }

  private void giveUp(ClaimedJob job, String reason, Throwable failure, long startedAt) {
    if (unitOfWork.atomically(() -> store.bury(job, FailureDescription.of(failure)))) {
      events.failed(job, since(startedAt), reason, failure);
    } else {
      events.lost(job, since(startedAt));
    }
  }

  private Duration since(long startedAt) {
    return Duration.ofNanos(nanoTime.getAsLong() - startedAt);
  }

  /** The job went to another worker while this one ran it: roll this worker's work back. */
  private static final class ReservationLost extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReservationLost() {
      super("reservation lost", null, false, false);
    }
  }
}
