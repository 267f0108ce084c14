package app.huberman.bench;

import app.huberman.adapters.persistence.TestTransactions;
import app.huberman.adapters.persistence.job.JdbcJobQueue;
import app.huberman.adapters.persistence.job.JdbcJobStore;
import app.huberman.adapters.persistence.job.PostgresJobSignal;
import app.huberman.adapters.persistence.migration.PostgresServer;
import app.huberman.application.job.JobHandler;
import app.huberman.application.job.JobHandler.Completion;
import app.huberman.application.job.JobHandlers;
import app.huberman.application.job.port.out.ClaimedJob;
import app.huberman.application.job.port.out.JobEventsPort;
import app.huberman.application.job.port.out.RescuedJob;
import app.huberman.application.job.service.RunJobsService;
import app.huberman.bootstrap.jobs.WorkerPool;
import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.job.QueueName;
import app.huberman.domain.job.RetryPolicy;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import javax.sql.DataSource;

/**
 * The project's queue as production runs it, minus the container: {@link JdbcJobQueue} in the
 * caller's transaction, {@link RunJobsService} claiming 5 jobs at a time, driven by {@link
 * WorkerPool} and woken by {@link PostgresJobSignal}. {@link TestTransactions} stands in for JTA (a
 * claim runs in autocommit on the worker's kept connection, as on a JTA data source outside a
 * transaction). The no-op handler declares how its jobs complete: {@link Completion#AFTER_WORK} (it
 * writes nothing: no transaction, finished jobs deleted with the next claim) or {@link
 * Completion#WITH_WORK} (each job in a transaction of its own with its deletion), to show both.
 */
final class OurQueue implements Contender {

  private static final JobType NO_OP = JobType.of("bench.no-op");

  private final DataSource pool;
  private final PostgresServer server;
  private final NoOpWork work;
  private final int workers;
  private final Completion completion;
  private final TestTransactions enqueueTransactions;
  private final JdbcJobQueue queue;
  private TestTransactions workerTransactions;
  private PostgresJobSignal signal;
  private WorkerPool workerPool;

  OurQueue(
      DataSource pool, PostgresServer server, NoOpWork work, int workers, Completion completion) {
    this.pool = pool;
    this.server = server;
    this.work = work;
    this.workers = workers;
    this.completion = completion;
    this.enqueueTransactions = new TestTransactions(pool);
    this.queue = new JdbcJobQueue(enqueueTransactions.dataSource());
  }

  @Override
  public String name() {
    return switch (completion) {
      case AFTER_WORK -> "our queue";
      case WITH_WORK -> "our queue, a transaction per job";
    };
  }

  @Override
  public String table() {
    return "jobs";
  }

  @Override
  public void enqueueBatch(List<String> ids) {
    enqueueTransactions.atomically(
        () -> {
          ids.forEach(this::enqueue);
          return null;
        });
  }

  private void enqueue(String id) {
    queue.enqueue(NO_OP, JobPayload.of(1, Map.of("n", id)), JobOptions.defaults());
  }

  @Override
  public long enqueueOne(String id) {
    return enqueueTransactions.atomically(
        () -> {
          enqueue(id);
          return System.nanoTime();
        });
  }

  @Override
  public void startWorkers() {
    workerTransactions = new TestTransactions(pool);
    JobHandler handler =
        new JobHandler() {
          @Override
          public JobType type() {
            return NO_OP;
          }

          @Override
          public Completion completion() {
            return completion;
          }

          @Override
          public void handle(JobPayload payload) {
            work.ran(payload.require("n"));
          }
        };
    RunJobsService jobs =
        new RunJobsService(
            new JdbcJobStore(workerTransactions.dataSource()),
            new JobHandlers(List.of(handler)),
            new NoEvents(),
            workerTransactions,
            RetryPolicy.DEFAULT,
            new SplittableRandom(1),
            System::nanoTime);
    signal = new PostgresJobSignal(server);
    workerPool =
        new WorkerPool(
            jobs, signal, Thread.ofPlatform().factory(), Set.of(QueueName.DEFAULT), () -> true);
    workerPool.start(workers, "bench");
  }

  @Override
  public void stopWorkers() {
    long busy = workerPool.stop(Duration.ofSeconds(30));
    if (busy > 0) {
      throw new IllegalStateException(busy + " worker threads did not stop");
    }
    signal.close();
    try {
      workerTransactions.close();
      // Two of these run one after the other on one pool: give the connections back between them.
      close();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Closes the connections the enqueuing threads kept (they open new ones if used again). */
  void close() throws SQLException {
    enqueueTransactions.close();
  }

  /**
   * Production logs and counts each job; the benchmark measures the queue alone. A no-op job never
   * fails, so anything but a success is reported: it would stall the run (a retry waits 10 s).
   */
  private static final class NoEvents implements JobEventsPort {
    @Override
    public void started(ClaimedJob job) {}

    @Override
    public void succeeded(ClaimedJob job, Duration took) {}

    @Override
    public void retried(ClaimedJob job, Duration took, Duration delay, Throwable failure) {
      unexpected("retried", job, failure);
    }

    @Override
    public void failed(ClaimedJob job, Duration took, String reason, Throwable failure) {
      unexpected("failed", job, failure);
    }

    @Override
    public void lost(ClaimedJob job, Duration took) {
      unexpected("lost", job, null);
    }

    @Override
    public void rescued(RescuedJob job) {
      System.err.println("job rescued: " + job.uuid());
    }

    private static void unexpected(String outcome, ClaimedJob job, Throwable failure) {
      System.err.println(
          "job " + outcome + ": " + job.uuid() + (failure == null ? "" : " " + failure));
    }
  }
}
