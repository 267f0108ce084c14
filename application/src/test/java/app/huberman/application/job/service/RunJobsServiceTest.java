package app.huberman.application.job.service;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.job.InMemoryJobStore;
import app.huberman.application.job.InMemoryJobStore.Turn;
import app.huberman.application.job.JobHandler;
import app.huberman.application.job.JobHandler.Completion;
import app.huberman.application.job.JobHandlers;
import app.huberman.application.job.TestJobHandler;
import app.huberman.application.job.port.out.ClaimedJob;
import app.huberman.application.job.port.out.JobEventsPort;
import app.huberman.application.job.port.out.RescuedJob;
import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.domain.job.JobType;
import app.huberman.domain.job.PermanentJobFailure;
import app.huberman.domain.job.QueueName;
import app.huberman.domain.job.RetryLaterJobFailure;
import app.huberman.domain.job.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class RunJobsServiceTest {

  private static final JobType SEND = JobType.of("test.send");
  private static final JobType WRITE = JobType.of("test.write");
  private static final Set<QueueName> QUEUES = Set.of(QueueName.DEFAULT);
  private static final String WORKER = "instance/worker-1";

  private final InMemoryJobStore store = new InMemoryJobStore();
  private final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();
  private final List<String> events = new ArrayList<>();
  private final List<Duration> retryDelays = new ArrayList<>();
  private final List<String> ran = new ArrayList<>();
  private long nanos = 1_000_000_000L;
  private Consumer<String> sending = n -> {};

  /** Sends something: writes nothing to the database. */
  private final JobHandler afterWork =
      new TestJobHandler(
          SEND,
          Completion.AFTER_WORK,
          payload -> {
            ran.add(payload.require("n"));
            sending.accept(payload.require("n"));
          });

  private final JobHandler withWork =
      new TestJobHandler(WRITE, Completion.WITH_WORK, payload -> ran.add(payload.require("n")));

  private final RunJobsService worker =
      new RunJobsService(
          store,
          new JobHandlers(List.of(afterWork, withWork)),
          recordingEvents(),
          unitOfWork,
          new RetryPolicy(Duration.ofSeconds(10), Duration.ofHours(1)),
          new SplittableRandom(7),
          () -> nanos);

  private int runBatch() {
    return worker.runNextBatch(WORKER, QUEUES, 5, () -> false);
  }

  @Test
  void afterWorkJobsRunWithoutATransactionAndAreDeletedTogetherInTheNextClaim() {
    long first = store.add(SEND, "1");
    long second = store.add(SEND, "2");
    long third = store.add(SEND, "3");

    assertThat(runBatch()).isEqualTo(3);

    assertThat(ran).containsExactly("1", "2", "3");
    assertThat(store.ids()).as("finished, not deleted yet").hasSize(3);
    assertThat(events).containsExactly("started 1", "started 2", "started 3");

    assertThat(runBatch()).isZero();

    assertThat(store.ids()).isEmpty();
    assertThat(store.turns())
        .containsExactly(new Turn(List.of(), 5), new Turn(List.of(first, second, third), 5));
    assertThat(events).endsWith("succeeded 1", "succeeded 2", "succeeded 3");
    assertThat(unitOfWork.transactions()).as("no transaction at all").isZero();
  }

  @Test
  void withWorkJobsAreStillDeletedInTheirOwnTransaction() {
    store.add(WRITE, "1");

    assertThat(runBatch()).isEqualTo(1);

    assertThat(store.ids()).isEmpty();
    assertThat(events).containsExactly("started 1", "succeeded 1");
    assertThat(unitOfWork.transactions()).isEqualTo(1);
  }

  @Test
  void aFinishedJobWhoseReservationWasLostIsReportedLostAndLeftToItsNewHolder() {
    long first = store.add(SEND, "1");
    long second = store.add(SEND, "2");
    runBatch();
    store.takeOver(first, "other-worker");

    runBatch();

    assertThat(events).contains("lost 1", "succeeded 2").doesNotContain("succeeded 1");
    assertThat(store.ids()).containsExactly(first);
    assertThat(store.job(first).orElseThrow().reservedBy()).hasValue("other-worker");
    assertThat(store.job(second)).isEmpty();
  }

  @Test
  void aFailingAfterWorkJobIsRetriedAndAPermanentFailureIsBuried() {
    long retried = store.add(SEND, "1");
    long buried = store.add(SEND, "2");
    sending =
        n -> {
          if (n.equals("1")) {
            throw new IllegalStateException("SMTP said no");
          }
          throw new PermanentJobFailure("no such address");
        };

    runBatch();
    runBatch();

    assertThat(events).contains("retried 1", "failed 2").doesNotContain("succeeded 1");
    assertThat(store.job(retried).orElseThrow().reservedBy()).isEmpty();
    assertThat(store.job(retried).orElseThrow().available()).as("waits for its backoff").isFalse();
    assertThat(store.buried()).containsOnlyKeys(buried);
    assertThat(store.turns()).allSatisfy(s -> assertThat(s.finishedIds()).isEmpty());
  }

  @Test
  void aFailureThatSaysWhenToRetryWaitsAtLeastThatLong() {
    long throttled = store.add(SEND, "1");
    long backedOff = store.add(SEND, "2");
    sending =
        n -> {
          throw new RetryLaterJobFailure(
              "rate limited", n.equals("1") ? Duration.ofHours(2) : Duration.ofMillis(1));
        };

    runBatch();

    assertThat(events).contains("retried 1", "retried 2");
    assertThat(retryDelays.get(0))
        .as("Retry-After beyond the backoff")
        .isEqualTo(Duration.ofHours(2));
    assertThat(retryDelays.get(1))
        .as("the backoff, when longer")
        .isBetween(Duration.ofSeconds(5), Duration.ofSeconds(10));
    assertThat(store.job(throttled).orElseThrow().available()).isFalse();
    assertThat(store.job(backedOff).orElseThrow().available()).isFalse();
  }

  @Test
  void aJobThatThrowsAnErrorIsRetriedAndTheNextJobStillRuns() {
    long broken = store.add(SEND, "1");
    long next = store.add(SEND, "2");
    sending =
        n -> {
          if (n.equals("1")) {
            throw new AssertionError("a handler's bug");
          }
        };

    assertThat(runBatch()).isEqualTo(2);
    runBatch();

    assertThat(events).contains("retried 1", "succeeded 2");
    assertThat(store.job(broken).orElseThrow().reservedBy()).isEmpty();
    assertThat(store.job(next)).isEmpty();
  }

  @Test
  void stoppingDeletesTheFinishedJobsAndReleasesTheOthers() {
    long done = store.add(SEND, "1");
    long unstarted = store.add(SEND, "2");
    AtomicInteger asked = new AtomicInteger();

    int claimed = worker.runNextBatch(WORKER, QUEUES, 5, () -> asked.getAndIncrement() >= 1);

    assertThat(claimed).isEqualTo(2);
    assertThat(store.job(done)).as("deleted before the worker returns").isEmpty();
    assertThat(store.job(unstarted).orElseThrow().reservedBy()).isEmpty();
    assertThat(store.job(unstarted).orElseThrow().attempts()).isZero();
    assertThat(events).containsExactly("started 1", "succeeded 1");
  }

  @Test
  void aStoppingWorkerDeletesWhatItFinishedOnceAndOnlyOnce() {
    store.add(SEND, "1");
    runBatch();

    worker.completeFinishedJobs(WORKER);
    worker.completeFinishedJobs(WORKER);
    worker.completeFinishedJobs("a worker that never ran");

    assertThat(store.ids()).isEmpty();
    assertThat(store.turns()).hasSize(2);
    assertThat(store.turns().getLast()).isEqualTo(new Turn(List.of(1L), 0));
  }

  @Test
  void finishedJobsAreDeletedBeforeTheNextJobOnceTheirClaimIsOlderThanTheLimit() {
    long slow = store.add(SEND, "1");
    long next = store.add(SEND, "2");
    List<Boolean> slowJobDeletedWhenNextStarted = new ArrayList<>();
    sending =
        n -> {
          if (n.equals("1")) {
            nanos += RunJobsService.COMPLETION_DELAY_LIMIT.plusMillis(1).toNanos();
          } else {
            slowJobDeletedWhenNextStarted.add(store.job(slow).isEmpty());
          }
        };

    runBatch();

    assertThat(slowJobDeletedWhenNextStarted).containsExactly(true);
    assertThat(store.turns().getLast()).isEqualTo(new Turn(List.of(slow), 0));
    assertThat(store.job(next)).as("finished just now: waits for the next claim").isPresent();
  }

  @Test
  void finishedJobsWaitForAQuickNextJobButNotForOneThatMayRunLonger() {
    long quick = store.add(SEND, "1");
    store.add(SEND, "2");
    store.add(SEND, "3", 5, Duration.ofMinutes(10));
    List<Boolean> firstDeletedWhenStarting = new ArrayList<>();
    sending = n -> firstDeletedWhenStarting.add(store.job(quick).isEmpty());

    runBatch();

    assertThat(firstDeletedWhenStarting).containsExactly(false, false, true);
  }

  @Test
  void aJobWithoutAHandlerIsBuried() {
    long unknown = store.add(JobType.of("test.unknown"), "1");

    runBatch();

    assertThat(store.buried()).containsOnlyKeys(unknown);
    assertThat(events).containsExactly("started 1", "failed 1");
  }

  private JobEventsPort recordingEvents() {
    return new JobEventsPort() {
      @Override
      public void started(ClaimedJob job) {
        record("started", job);
      }

      @Override
      public void succeeded(ClaimedJob job, Duration took) {
        record("succeeded", job);
      }

      @Override
      public void retried(ClaimedJob job, Duration took, Duration delay, Throwable failure) {
        retryDelays.add(delay);
        record("retried", job);
      }

      @Override
      public void failed(ClaimedJob job, Duration took, String reason, Throwable failure) {
        record("failed", job);
      }

      @Override
      public void lost(ClaimedJob job, Duration took) {
        record("lost", job);
      }

      @Override
      public void rescued(RescuedJob job) {
        events.add("rescued " + job.uuid());
      }

      private void record(String what, ClaimedJob job) {
        events.add(what + " " + job.payload().require("n"));
      }
    };
  }
}
