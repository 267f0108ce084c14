package app.huberman.application.job.service;

import app.huberman.application.job.JobHandler;
import app.huberman.application.job.JobHandlers;
import app.huberman.application.job.port.in.RunJobsUseCase;
import app.huberman.application.job.port.out.ClaimedJob;
import app.huberman.application.job.port.out.JobEventsPort;
import app.huberman.application.job.port.out.JobStorePort;
import app.huberman.application.job.port.out.RescuedJob;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.domain.job.FailureVerdict;
import app.huberman.domain.job.PermanentJobFailure;
import app.huberman.domain.job.QueueName;
import app.huberman.domain.job.RetryPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.random.RandomGenerator;

/**
 * Runs jobs at least once. The claim commits on its own, so a worker that dies leaves a reservation
 * that times out and is rescued. The handler's work and the job's deletion commit together, fenced
 * by the reservation: a worker that lost it (it ran past its visibility timeout and the job went to
 * another worker) rolls its work back instead of committing it a second time.
 */
public final class JobWorkerService implements RunJobsUseCase {

  static final int RESCUE_BATCH = 100;

  private final JobStorePort store;
  private final JobHandlers handlers;
  private final JobEventsPort events;
  private final UnitOfWorkPort unitOfWork;
  private final RetryPolicy retryPolicy;
  private final RandomGenerator random;

  public JobWorkerService(
      JobStorePort store,
      JobHandlers handlers,
      JobEventsPort events,
      UnitOfWorkPort unitOfWork,
      RetryPolicy retryPolicy,
      RandomGenerator random) {
    this.store = Objects.requireNonNull(store, "store");
    this.handlers = Objects.requireNonNull(handlers, "handlers");
    this.events = new NeverFailingJobEvents(Objects.requireNonNull(events, "events"));
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public int runNextBatch(
      String workerId, Set<QueueName> queues, int batchSize, BooleanSupplier stopping) {
    List<ClaimedJob> claimed =
        unitOfWork.inTransaction(() -> store.claim(queues, batchSize, workerId));
    for (int i = 0; i < claimed.size(); i++) {
      if (stopping.getAsBoolean()) {
        release(claimed.subList(i, claimed.size()));
        break;
      }
      try {
        run(claimed.get(i));
      } catch (RuntimeException e) {
        // The job in hand stays reserved and is rescued; the others need not wait for that.
        release(claimed.subList(i + 1, claimed.size()));
        throw e;
      }
    }
    return claimed.size();
  }

  private void release(List<ClaimedJob> unstarted) {
    if (!unstarted.isEmpty()) {
      unitOfWork.inTransaction(() -> unstarted.stream().filter(store::release).count());
    }
  }

  @Override
  public int rescueAbandonedJobs() {
    List<RescuedJob> rescued = unitOfWork.inTransaction(() -> store.rescueAbandoned(RESCUE_BATCH));
    rescued.forEach(events::rescued);
    return rescued.size();
  }

  private void run(ClaimedJob job) {
    events.started(job);
    long startedAt = System.nanoTime();
    Optional<JobHandler> handler = handlers.forType(job.type());
    if (handler.isEmpty()) {
      PermanentJobFailure failure =
          new PermanentJobFailure("No handler for job type " + job.type().value());
      giveUp(job, "no handler", failure, startedAt);
      return;
    }
    try {
      unitOfWork.inTransaction(
          job.runTimeLimit(),
          () -> {
            handler.get().handle(job.payload());
            if (!store.complete(job)) {
              throw new ReservationLost();
            }
            return null;
          });
      events.succeeded(job, since(startedAt));
    } catch (ReservationLost lost) {
      events.lost(job, since(startedAt));
    } catch (RuntimeException failure) {
      afterFailure(job, failure, startedAt);
    }
  }

  private void afterFailure(ClaimedJob job, RuntimeException failure, long startedAt) {
    FailureVerdict verdict =
        retryPolicy.afterFailure(
            job.attempts(), job.maxAttempts(), failure instanceof PermanentJobFailure, random);
    switch (verdict) {
      case FailureVerdict.RetryAfter retry -> {
        if (unitOfWork.inTransaction(() -> store.retryLater(job, retry.delay()))) {
          events.retried(job, since(startedAt), retry.delay(), failure);
        } else {
          events.lost(job, since(startedAt));
        }
      }
      case FailureVerdict.GiveUp giveUp -> giveUp(job, giveUp.reason(), failure, startedAt);
    }
  }

  private void giveUp(ClaimedJob job, String reason, Throwable failure, long startedAt) {
    if (unitOfWork.inTransaction(() -> store.bury(job, FailureDescription.of(failure)))) {
      events.failed(job, since(startedAt), reason, failure);
    } else {
      events.lost(job, since(startedAt));
    }
  }

  private static Duration since(long startedAt) {
    return Duration.ofNanos(System.nanoTime() - startedAt);
  }

  /** The job went to another worker while this one ran it: roll this worker's work back. */
  private static final class ReservationLost extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ReservationLost() {
      super("reservation lost", null, false, false);
    }
  }
}
