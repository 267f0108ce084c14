package app.huberman.bench;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * db-scheduler with a no-op one-time task, set up as its README advises for PostgreSQL and
 * throughput: the lock-and-fetch polling strategy ({@code SELECT … FOR UPDATE SKIP LOCKED}),
 * immediate execution of jobs scheduled for now, and a polling interval equal to our workers'
 * fallback poll.
 */
final class DbScheduler implements Contender {

  /** Its table for PostgreSQL, as in db-scheduler's {@code postgresql_tables.sql} for 16.x. */
  private static final List<String> DDL =
      List.of(
          """
          CREATE TABLE scheduled_tasks (
            task_name text NOT NULL,
            task_instance text NOT NULL,
            task_data bytea,
            execution_time timestamptz NOT NULL,
            picked boolean NOT NULL,
            picked_by text,
            last_success timestamptz,
            last_failure timestamptz,
            consecutive_failures int,
            last_heartbeat timestamptz,
            version bigint NOT NULL,
            priority smallint,
            PRIMARY KEY (task_name, task_instance))
          """,
          "CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time)",
          "CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat)",
          "CREATE INDEX priority_execution_time_idx"
              + " ON scheduled_tasks (priority DESC, execution_time ASC)");

  static final Duration POLLING_INTERVAL = Duration.ofSeconds(1);

  private final DataSource pool;
  private final int threads;
  private final double lowerLimitFractionOfThreads;
  private final double upperLimitFractionOfThreads;
  private final String name;
  private final OneTimeTask<Void> task;
  private final SchedulerClient client;
  private Scheduler scheduler;

  /**
   * @param lowerLimitFractionOfThreads fetch again when this many (× threads) picked executions are
   *     left
   * @param upperLimitFractionOfThreads hold at most this many (× threads) picked executions
   * @param variant how the report tells this setting from another
   */
  DbScheduler(
      DataSource pool,
      NoOpWork work,
      int threads,
      double lowerLimitFractionOfThreads,
      double upperLimitFractionOfThreads,
      String variant) {
    this.pool = pool;
    this.threads = threads;
    this.lowerLimitFractionOfThreads = lowerLimitFractionOfThreads;
    this.upperLimitFractionOfThreads = upperLimitFractionOfThreads;
    this.name =
        String.format(
            Locale.ROOT,
            "db-scheduler %s (lock-and-fetch %.2f, %.2f)",
            variant,
            lowerLimitFractionOfThreads,
            upperLimitFractionOfThreads);
    this.task =
        Tasks.oneTime("bench-no-op").execute((instance, context) -> work.ran(instance.getId()));
    this.client = SchedulerClient.Builder.create(pool, task).build();
  }

  static void createTable(DataSource dataSource) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      for (String sql : DDL) {
        statement.execute(sql);
      }
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String table() {
    return "scheduled_tasks";
  }

  /** Its batch API: one JDBC batch of inserts, which PostgreSQL commits together. */
  @Override
  public void enqueueBatch(List<String> ids) {
    List<TaskInstance<?>> instances = ids.stream().<TaskInstance<?>>map(task::instance).toList();
    client.scheduleBatch(instances, Instant.now());
  }

  /** Through the running scheduler, so that immediate execution applies. */
  @Override
  public long enqueueOne(String id) {
    long beforeInsertAndCommit = System.nanoTime();
    scheduler.schedule(task.instance(id), Instant.now());
    return beforeInsertAndCommit;
  }

  @Override
  public void startWorkers() {
    scheduler =
        Scheduler.create(pool, task)
            .threads(threads)
            .pollingInterval(POLLING_INTERVAL)
            .pollUsingLockAndFetch(lowerLimitFractionOfThreads, upperLimitFractionOfThreads)
            .enableImmediateExecution()
            .schedulerName(new SchedulerName.Fixed("bench"))
            .build();
    scheduler.start();
  }

  @Override
  public void stopWorkers() {
    scheduler.stop();
  }
}
