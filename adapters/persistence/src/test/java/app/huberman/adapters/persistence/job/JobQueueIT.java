package app.huberman.adapters.persistence.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.adapters.persistence.MigratedDatabase;
import app.huberman.application.job.JobHandler;
import app.huberman.application.job.JobHandlers;
import app.huberman.application.job.TestJobHandler;
import app.huberman.application.job.port.out.ClaimedJob;
import app.huberman.application.job.port.out.JobEventsPort;
import app.huberman.application.job.port.out.NextJobs;
import app.huberman.application.job.port.out.RescuedJob;
import app.huberman.application.job.service.ManageFailedJobsService;
import app.huberman.application.job.service.RunJobsService;
import app.huberman.domain.job.FailedJob;
import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.job.QueueName;
import app.huberman.domain.job.QueueStats;
import app.huberman.domain.job.RetryPolicy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The job queue on the real PostgreSQL: transactional enqueue, claims, retries, rescue. */
class JobQueueIT {

  @RegisterExtension static final MigratedDatabase DB = new MigratedDatabase("jobs");

  private static final JobType WORK = JobType.of("test.work");
  private static final Set<QueueName> DEFAULT_QUEUE = Set.of(QueueName.DEFAULT);
  private static final RetryPolicy RETRIES =
      new RetryPolicy(Duration.ofSeconds(10), Duration.ofHours(1));

  private static JdbcJobQueue queue;
  private static JdbcJobStore store;
  private static JdbcFailedJobRepository failedJobs;

  private final List<String> events = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
  private volatile Consumer<JobPayload> behaviour = payload -> {};

  @BeforeAll
  static void createTheStores() {
    DB.database().execute("CREATE TABLE test_marks (n text)");
    queue = new JdbcJobQueue(DB.transactions().dataSource());
    store = new JdbcJobStore(DB.transactions().dataSource());
    failedJobs = new JdbcFailedJobRepository(DB.transactions().dataSource());
  }

  @BeforeEach
  void emptyTheQueue() {
    DB.database().execute("TRUNCATE jobs, failed_jobs, test_marks");
  }

  private final JobHandler handler =
      new JobHandler() {
        @Override
        public JobType type() {
          return WORK;
        }

        @Override
        public void handle(JobPayload payload) {
          runs.computeIfAbsent(payload.require("n"), n -> new AtomicInteger()).incrementAndGet();
          behaviour.accept(payload);
        }
      };

  private static final JobType SEND = JobType.of("test.send");

  /** Writes nothing to the DB.database(): runs outside any transaction, deleted afterwards. */
  private final JobHandler afterWork =
      new TestJobHandler(SEND, JobHandler.Completion.AFTER_WORK, handler::handle);

  private RunJobsService worker() {
    return new RunJobsService(
        store,
        new JobHandlers(List.of(handler, afterWork)),
        recordingEvents(),
        DB.transactions(),
        RETRIES,
        new SplittableRandom(7),
        System::nanoTime);
  }

  private static Optional<UUID> enqueue(String n, JobOptions options) {
    return enqueue(WORK, n, options);
  }

  private static Optional<UUID> enqueue(JobType type, String n, JobOptions options) {
    return DB.transactions()
        .atomically(() -> queue.enqueue(type, JobPayload.of(1, Map.of("n", n)), options));
  }

  private static long count(String sql) {
    return new BigDecimal(firstValue(DB.database().dataSource(), sql)).longValue();
  }

  /** The first column of the first row, as text, read through {@code dataSource}. */
  private static String firstValue(DataSource dataSource, String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private int runAll(RunJobsService service, String workerId) {
    int total = 0;
    int claimed;
    do {
      claimed = service.runNextBatch(workerId, DEFAULT_QUEUE, 5, () -> false);
      total += claimed;
    } while (claimed > 0);
    return total;
  }

  @Test
  void aJobEnqueuedInATransactionThatRollsBackDoesNotExist() {
    assertThatThrownBy(
            () ->
                DB.transactions()
                    .atomically(
                        () -> {
                          queue.enqueue(
                              WORK, JobPayload.of(1, Map.of("n", "1")), JobOptions.defaults());
                          throw new IllegalStateException("the business change failed");
                        }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(count("SELECT count(*) FROM jobs")).isZero();
    assertThat(runAll(worker(), "w1")).isZero();
  }

  @Test
  void aCommittedJobRunsOnceAndIsGone() {
    enqueue("1", JobOptions.defaults());

    assertThat(runAll(worker(), "w1")).isEqualTo(1);

    assertThat(runs.get("1")).hasValue(1);
    assertThat(count("SELECT count(*) FROM jobs")).isZero();
    assertThat(events).containsExactly("started test.work", "succeeded test.work");
  }

  @Test
  void aUniqueKeyAdmitsOneJobUntilItIsDone() {
    JobOptions unique = JobOptions.defaults().uniqueBy("user:42:welcome");

    assertThat(enqueue("1", unique)).isPresent();
    assertThat(enqueue("2", unique)).isEmpty();
    runAll(worker(), "w1");
    assertThat(enqueue("3", unique)).isPresent();

    assertThat(runs).containsOnlyKeys("1");
    assertThat(count("SELECT count(*) FROM jobs")).isEqualTo(1);
  }

  @Test
  void aFailingJobIsRetriedWithGrowingDelaysThenFailsAndCanBeRetried() {
    behaviour =
        payload -> {
          throw new IllegalStateException("SMTP said no");
        };
    enqueue("1", JobOptions.defaults().withMaxAttempts(3));
    List<Double> delays = new ArrayList<>();

    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(runAll(worker(), "w1")).isEqualTo(1);
      if (attempt < 3) {
        delays.add(
            (double) count("SELECT extract(epoch FROM available_at - now()) * 1000 FROM jobs"));
        DB.database().execute("UPDATE jobs SET available_at = now()"); // let the backoff pass
      }
    }

    assertThat(delays.get(0)).isBetween(5_000.0, 10_000.0);
    assertThat(delays.get(1)).isBetween(10_000.0, 20_000.0);
    assertThat(runs.get("1")).hasValue(3);
    assertThat(count("SELECT count(*) FROM jobs")).isZero();
    List<FailedJob> failed = failedJobs.list(10);
    assertThat(failed)
        .singleElement()
        .satisfies(
            job -> {
              assertThat(job.type()).isEqualTo(WORK);
              assertThat(job.attempts()).isEqualTo(3);
              assertThat(job.exception())
                  .contains("IllegalStateException: SMTP said no")
                  .contains("\tat ");
            });
    assertThat(events)
        .containsSubsequence("retried test.work", "retried test.work", "failed test.work");

    behaviour = payload -> {};
    assertThat(
            new ManageFailedJobsService(failedJobs, DB.transactions(), Set.of())
                .retryFailedJob(failed.getFirst().uuid()))
        .isTrue();
    assertThat(runAll(worker(), "w1")).isEqualTo(1);
    assertThat(runs.get("1")).hasValue(4);
    assertThat(failedJobs.list(10)).isEmpty();
  }

  @Test
  void thePruneDeletesOldFailedJobsButKeepsThoseOfTheKeptTypesWhateverTheirAge() {
    JobType kept = JobType.of("test.kept");
    behaviour =
        payload -> {
          throw new app.huberman.domain.job.PermanentJobFailure("gave up");
        };
    enqueue("old", JobOptions.defaults());
    enqueue("recent", JobOptions.defaults());
    enqueue(kept, "old-kept", JobOptions.defaults());
    runAll(
        new RunJobsService(
            store,
            new JobHandlers(
                List.of(
                    handler,
                    new TestJobHandler(kept, JobHandler.Completion.WITH_WORK, handler::handle))),
            recordingEvents(),
            DB.transactions(),
            RETRIES,
            new SplittableRandom(7),
            System::nanoTime),
        "w1");
    DB.database()
        .execute(
            "UPDATE failed_jobs SET failed_at = now() - interval '31 days'"
                + " WHERE payload #>> '{data,n}' LIKE 'old%'");

    int pruned =
        new ManageFailedJobsService(failedJobs, DB.transactions(), Set.of(kept)).pruneFailedJobs();

    assertThat(pruned).isEqualTo(1);
    assertThat(DB.database().strings("SELECT payload #>> '{data,n}' FROM failed_jobs ORDER BY 1"))
        .containsExactly("old-kept", "recent");
  }

  @Test
  void failedJobsOfTheGivenUniqueKeysGoBackOneAKeyAndAKeyAlreadyQueuedOnlyClearsThem() {
    behaviour =
        payload -> {
          throw new app.huberman.domain.job.PermanentJobFailure("gave up");
        };
    enqueue("a1", JobOptions.defaults().uniqueBy("key:a"));
    runAll(worker(), "w1");
    enqueue("a2", JobOptions.defaults().uniqueBy("key:a"));
    enqueue("b", JobOptions.defaults().uniqueBy("key:b"));
    enqueue("c", JobOptions.defaults().uniqueBy("key:c"));
    runAll(worker(), "w1");
    enqueue("b-queued", JobOptions.defaults().uniqueBy("key:b"));
    assertThat(count("SELECT count(*) FROM failed_jobs")).isEqualTo(4);

    int taken =
        DB.transactions()
            .atomically(
                () -> failedJobs.requeueByUniqueKey(List.of("key:a", "key:b", "key:unknown")));

    assertThat(taken).isEqualTo(3);
    assertThat(
            DB.database()
                .strings("SELECT unique_key || ' ' || attempts FROM jobs ORDER BY unique_key, 1"))
        .as("one job a key; the queued one of key:b stays as it was")
        .containsExactly("key:a 0", "key:b 0");
    assertThat(
            DB.database()
                .strings("SELECT payload #>> '{data,n}' FROM jobs WHERE unique_key = 'key:b'"))
        .containsExactly("b-queued");
    assertThat(DB.database().strings("SELECT unique_key FROM failed_jobs"))
        .containsExactly("key:c");
    assertThat(DB.transactions().atomically(() -> failedJobs.requeueByUniqueKey(List.of())))
        .isZero();
  }

  @Test
  void aPermanentFailureGoesToTheFailedJobsAtOnce() {
    behaviour =
        payload -> {
          throw new app.huberman.domain.job.PermanentJobFailure("user 42 no longer exists");
        };
    enqueue("1", JobOptions.defaults());

    runAll(worker(), "w1");

    assertThat(runs.get("1")).hasValue(1);
    assertThat(failedJobs.list(10)).singleElement().extracting(FailedJob::attempts).isEqualTo(1);
  }

  @Test
  void aJobWhoseWorkerDiedAfterClaimingIsRescuedAfterItsVisibilityTimeoutThenSucceeds() {
    enqueue("1", JobOptions.defaults());
    List<ClaimedJob> claimedByTheDeadWorker =
        DB.transactions().atomically(() -> store.claim(DEFAULT_QUEUE, 10, "dead-worker"));
    assertThat(claimedByTheDeadWorker).hasSize(1);

    assertThat(worker().rescueAbandonedJobs()).as("not yet: the timeout has not passed").isZero();
    assertThat(runAll(worker(), "w2")).as("reserved jobs are not claimed again").isZero();

    DB.database().execute("UPDATE jobs SET reserved_until = now() - interval '1 second'");
    assertThat(worker().rescueAbandonedJobs()).isEqualTo(1);
    assertThat(runAll(worker(), "w2")).isEqualTo(1);

    assertThat(runs.get("1")).hasValue(1);
    assertThat(count("SELECT count(*) FROM jobs")).isZero();
    assertThat(events).contains("rescued test.work");
  }

  @Test
  void aWorkerThatRanPastItsVisibilityTimeoutRollsItsWorkBackInsteadOfCommittingItTwice()
      throws Exception {
    enqueue("1", JobOptions.defaults());
    List<ClaimedJob> takenOver = new CopyOnWriteArrayList<>();
    behaviour =
        payload -> {
          writeMark(payload.require("n")); // the handler's own change, in the job's transaction
          // Meanwhile the reservation times out and another instance takes the job over.
          Thread other =
              Thread.ofPlatform()
                  .start(
                      () -> {
                        DB.database()
                            .execute(
                                "UPDATE jobs SET reserved_until = now() - interval '1 second'");
                        worker().rescueAbandonedJobs();
                        takenOver.addAll(
                            DB.transactions()
                                .atomically(() -> store.claim(DEFAULT_QUEUE, 1, "other")));
                      });
          try {
            other.join();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };

    runAll(worker(), "slow");

    assertThat(takenOver).singleElement().extracting(ClaimedJob::attempts).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM test_marks")).as("the slow worker's change").isZero();
    assertThat(events).contains("lost test.work").doesNotContain("succeeded test.work");
    assertThat(count("SELECT count(*) FROM jobs WHERE reserved_by = 'other'")).isEqualTo(1);
  }

  private static void writeMark(String n) {
    try (Connection connection = DB.transactions().dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("INSERT INTO test_marks VALUES ('" + Integer.parseInt(n) + "')");
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aJobThatIsRescuedAfterItsLastAttemptGoesToTheFailedJobs() {
    enqueue("1", JobOptions.defaults().withMaxAttempts(1));
    DB.transactions().atomically(() -> store.claim(DEFAULT_QUEUE, 1, "dead-worker"));
    DB.database().execute("UPDATE jobs SET reserved_until = now() - interval '1 second'");

    assertThat(worker().rescueAbandonedJobs()).isEqualTo(1);

    assertThat(failedJobs.list(10))
        .singleElement()
        .extracting(FailedJob::exception)
        .asString()
        .contains("dead-worker");
  }

  @Test
  void stoppingReleasesTheClaimedJobsNotYetStartedWithoutCountingTheirAttempt() {
    for (int n = 1; n <= 3; n++) {
      enqueue(Integer.toString(n), JobOptions.defaults());
    }
    AtomicInteger started = new AtomicInteger();

    int claimed =
        worker().runNextBatch("w1", DEFAULT_QUEUE, 3, () -> started.getAndIncrement() >= 1);

    assertThat(claimed).isEqualTo(3);
    assertThat(runs).hasSize(1);
    assertThat(count("SELECT count(*) FROM jobs WHERE reserved_at IS NULL AND attempts = 0"))
        .isEqualTo(2);
  }

  @Test
  void countsPendingDelayedReservedAndFailedJobsPerQueue() {
    enqueue("1", JobOptions.defaults());
    enqueue("2", JobOptions.defaults().delayedBy(Duration.ofHours(1)));
    enqueue("3", JobOptions.defaults().onQueue(QueueName.of("mail")));
    DB.transactions().atomically(() -> store.claim(Set.of(QueueName.of("mail")), 1, "w1"));

    List<QueueStats> stats = DB.transactions().readOnly(store::statsByQueue);

    assertThat(stats).extracting(s -> s.queue().value()).containsExactly("default", "mail");
    QueueStats defaults = stats.getFirst();
    assertThat(defaults.pending()).isEqualTo(1);
    assertThat(defaults.delayed()).isEqualTo(1);
    assertThat(defaults.reserved()).isZero();
    assertThat(stats.get(1).reserved()).isEqualTo(1);
  }

  @Test
  void tenThousandJobsAcrossTwoInstancesOfFourWorkersEachRunExactlyOnce() throws Exception {
    tenThousandJobsAcrossTwoInstancesOfFourWorkersEachRunExactlyOnce(WORK);
  }

  @Test
  void tenThousandJobsDeletedAfterTheirWorkAcrossTwoInstancesEachRunExactlyOnce() throws Exception {
    tenThousandJobsAcrossTwoInstancesOfFourWorkersEachRunExactlyOnce(SEND);
  }

  private void tenThousandJobsAcrossTwoInstancesOfFourWorkersEachRunExactlyOnce(JobType type)
      throws Exception {
    int jobs = 10_000;
    for (int batch = 0; batch < jobs / 1_000; batch++) {
      int first = batch * 1_000;
      DB.transactions()
          .atomically(
              () -> {
                for (int n = first; n < first + 1_000; n++) {
                  queue.enqueue(
                      type,
                      JobPayload.of(1, Map.of("n", Integer.toString(n))),
                      JobOptions.defaults());
                }
                return null;
              });
    }
    List<Thread> workers = new ArrayList<>();
    List<Throwable> crashes = Collections.synchronizedList(new ArrayList<>());
    for (String instance : List.of("instance-a", "instance-b")) {
      RunJobsService service = worker();
      for (int w = 1; w <= 4; w++) {
        String workerId = instance + "/worker-" + w;
        workers.add(
            Thread.ofPlatform()
                .name(workerId)
                .start(
                    () -> {
                      try {
                        runAll(service, workerId);
                      } catch (RuntimeException e) {
                        crashes.add(e);
                      }
                    }));
      }
    }
    for (Thread thread : workers) {
      thread.join(Duration.ofMinutes(5));
    }

    assertThat(crashes).isEmpty();
    assertThat(runs).hasSize(jobs);
    assertThat(runs.values()).allSatisfy(count -> assertThat(count).hasValue(1));
    assertThat(count("SELECT count(*) FROM jobs")).isZero();
    assertThat(count("SELECT count(*) FROM failed_jobs")).isZero();
  }

  @Test
  void aJobDeletedAfterItsWorkRunsOutsideAnyTransactionAndIsGoneAfterTheNextClaim() {
    enqueue(SEND, "1", JobOptions.defaults());
    enqueue(SEND, "2", JobOptions.defaults());
    List<Boolean> inTransaction = new CopyOnWriteArrayList<>();
    behaviour = payload -> inTransaction.add(inTransaction());

    RunJobsService worker = worker();

    assertThat(worker.runNextBatch("w1", DEFAULT_QUEUE, 5, () -> false)).isEqualTo(2);
    assertThat(inTransaction).containsExactly(false, false);
    assertThat(count("SELECT count(*) FROM jobs WHERE reserved_by = 'w1'"))
        .as("finished, deleted with the next claim")
        .isEqualTo(2);

    assertThat(runAll(worker, "w1")).isZero();
    assertThat(count("SELECT count(*) FROM jobs")).isZero();
  }

  /** Workers' claims commit asynchronously (ADR 0005); a caller's transaction must not. */
  @Test
  void aClaimInsideACallersTransactionLeavesItsCommitWaitingForTheDisk() {
    enqueue(SEND, "1", JobOptions.defaults());

    String inside =
        DB.transactions()
            .atomically(
                () -> {
                  assertThat(store.claim(DEFAULT_QUEUE, 1, "w1")).hasSize(1);
                  return synchronousCommit();
                });

    assertThat(inside).isEqualTo("on");
  }

  /** Read on the connection of the transaction in progress, if any. */
  private static String synchronousCommit() {
    return firstValue(DB.transactions().dataSource(), "SHOW synchronous_commit");
  }

  @Test
  void oneStatementDeletesTheFinishedJobsStillHeldAsClaimedAndClaimsTheNext() {
    for (int n = 1; n <= 5; n++) {
      enqueue(SEND, Integer.toString(n), JobOptions.defaults());
    }
    List<ClaimedJob> finished = store.claim(DEFAULT_QUEUE, 3, "w1");
    ClaimedJob kept = finished.get(0);
    ClaimedJob takenOver = finished.get(1);
    ClaimedJob retried = finished.get(2);
    DB.database().execute("UPDATE jobs SET reserved_by = 'other' WHERE id = " + takenOver.id());
    DB.database().execute("UPDATE jobs SET attempts = attempts + 1 WHERE id = " + retried.id());

    NextJobs result = store.nextJobs(finished, DEFAULT_QUEUE, 5, "w1");

    assertThat(result.lost()).containsExactly(takenOver, retried);
    assertThat(result.claimed())
        .extracting(job -> job.payload().require("n"))
        .containsExactly("4", "5");
    assertThat(result.claimed())
        .allSatisfy(
            job -> {
              assertThat(job.reservedBy()).isEqualTo("w1");
              assertThat(job.attempts()).isEqualTo(1);
              assertThat(job.type()).isEqualTo(SEND);
            });
    assertThat(count("SELECT count(*) FROM jobs WHERE id = " + kept.id())).isZero();
    assertThat(
            count(
                "SELECT count(*) FROM jobs WHERE id IN ("
                    + takenOver.id()
                    + ", "
                    + retried.id()
                    + ")"))
        .as("not this worker's any more: left alone")
        .isEqualTo(2);
    assertThat(count("SELECT count(*) FROM jobs WHERE reserved_by = 'w1'")).isEqualTo(3);
  }

  @Test
  void deletingFinishedJobsAloneClaimsNothing() {
    enqueue(SEND, "1", JobOptions.defaults());
    enqueue(SEND, "2", JobOptions.defaults());
    List<ClaimedJob> finished = store.claim(DEFAULT_QUEUE, 1, "w1");

    assertThat(store.completeAll(finished)).isEmpty();

    assertThat(count("SELECT count(*) FROM jobs")).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM jobs WHERE reserved_at IS NULL")).isEqualTo(1);
  }

  /** Whether the connection the adapters would use now is inside a transaction. */
  private static boolean inTransaction() {
    try (Connection connection = DB.transactions().dataSource().getConnection()) {
      return !connection.getAutoCommit();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JobEventsPort recordingEvents() {
    return new JobEventsPort() {
      @Override
      public void started(ClaimedJob job) {
        events.add("started " + job.type().value());
      }

      @Override
      public void succeeded(ClaimedJob job, Duration took) {
        events.add("succeeded " + job.type().value());
      }

      @Override
      public void retried(ClaimedJob job, Duration took, Duration delay, Throwable failure) {
        events.add("retried " + job.type().value());
      }

      @Override
      public void failed(ClaimedJob job, Duration took, String reason, Throwable failure) {
        events.add("failed " + job.type().value());
      }

      @Override
      public void lost(ClaimedJob job, Duration took) {
        events.add("lost " + job.type().value());
      }

      @Override
      public void rescued(RescuedJob job) {
        events.add("rescued " + job.type().value());
      }
    };
  }
}
