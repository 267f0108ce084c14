package app.huberman.adapters.persistence.job;

import app.huberman.adapters.persistence.ConnectionFailures;
import app.huberman.adapters.persistence.Jdbc;
import app.huberman.application.job.port.out.ClaimedJob;
import app.huberman.application.job.port.out.JobStorePort;
import app.huberman.application.job.port.out.NextJobs;
import app.huberman.application.job.port.out.QueueStatsPort;
import app.huberman.application.job.port.out.RescuedJob;
import app.huberman.domain.job.JobType;
import app.huberman.domain.job.QueueName;
import app.huberman.domain.job.QueueStats;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import javax.sql.DataSource;

/** The queue as workers see it; see the package documentation for the rules it keeps. */
@Dependent
public class JdbcJobStore implements JobStorePort, QueueStatsPort {

  /**
   * Deletes the finished jobs (arrays of id, holder and attempt; fenced as {@link #COMPLETE} is)
   * and claims the next ones, in one statement; the rows tell the deleted ids (first column true)
   * from the claimed jobs. The function (migration V6) explains the statement and why it is one. In
   * autocommit, as workers call it, its transaction commits asynchronously
   * (docs/adr/0005-claims-commit-asynchronously.md); in a caller's transaction it does not.
   */
  private static final String COMPLETE_AND_CLAIM =
      "SELECT * FROM complete_and_claim_jobs(?::bigint[], ?::varchar[], ?::integer[], ?::varchar[],"
          + " ?, ?, ?)";

  /** Every change to a reserved job is fenced by its id, holder and attempt number. */
  private static final String FENCE = " WHERE id = ? AND reserved_by = ? AND attempts = ?";

  private static final String COMPLETE = "DELETE FROM jobs" + FENCE;

  private static final String RETRY_LATER =
      "UPDATE jobs SET reserved_at = NULL, reserved_by = NULL, reserved_until = NULL,"
          + " available_at = now() + make_interval(secs => ?)"
          + FENCE;

  private static final String RELEASE =
      "UPDATE jobs SET reserved_at = NULL, reserved_by = NULL, reserved_until = NULL,"
          + " attempts = attempts - 1"
          + FENCE;

  private static final String FAILED_COLUMNS =
      "uuid, queue, type, payload, attempts, max_attempts, unique_key, timeout_seconds,"
          + " visibility_seconds";

  private static final String BURY =
      "WITH gone AS (DELETE FROM jobs"
          + FENCE
          + " RETURNING *) INSERT INTO failed_jobs ("
          + FAILED_COLUMNS
          + ", exception) SELECT "
          + FAILED_COLUMNS
          + ", ? FROM gone";

  private static final String RESCUE =
      """
      WITH abandoned AS (
        SELECT id, reserved_by FROM jobs
        WHERE reserved_at IS NOT NULL AND reserved_until < now()
        ORDER BY reserved_until
        LIMIT ?
        FOR UPDATE SKIP LOCKED),
      buried AS (
        DELETE FROM jobs j USING abandoned a
        WHERE j.id = a.id AND j.attempts >= j.max_attempts
        RETURNING j.*),
      moved AS (
        INSERT INTO failed_jobs (%1$s, exception)
        SELECT %1$s, 'Abandoned: worker ' || reserved_by
                     || ' did not finish within its visibility timeout of '
                     || visibility_seconds || ' s, and no attempt was left'
        FROM buried),
      freed AS (
        UPDATE jobs j
        SET reserved_at = NULL, reserved_by = NULL, reserved_until = NULL, available_at = now()
        FROM abandoned a
        WHERE j.id = a.id AND j.attempts < j.max_attempts
        RETURNING j.uuid, j.type, j.attempts, a.reserved_by)
      SELECT uuid, type, attempts, reserved_by, true FROM buried
      UNION ALL
      SELECT uuid, type, attempts, reserved_by, false FROM freed
      """
          .formatted(FAILED_COLUMNS);

  private static final String JOB_STATS =
      """
      SELECT queue,
             count(*) FILTER (WHERE reserved_at IS NULL AND available_at <= now()),
             count(*) FILTER (WHERE reserved_at IS NULL AND available_at > now()),
             count(*) FILTER (WHERE reserved_at IS NOT NULL),
             coalesce((extract(epoch FROM now() - min(available_at)
                 FILTER (WHERE reserved_at IS NULL AND available_at <= now())) * 1000)::bigint, 0)
      FROM jobs GROUP BY queue
      """;

  private static final String FAILED_STATS =
      "SELECT queue, count(*) FROM failed_jobs GROUP BY queue";

  private final Jdbc jdbc;

  @Inject
  public JdbcJobStore(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public NextJobs nextJobs(
      List<ClaimedJob> finished, Set<QueueName> queues, int max, String workerId) {
    try {
      return completeAndClaim(finished, queues, max, workerId);
    } catch (RuntimeException e) {
      // Outside a unit of work, nothing else says that the database could not be reached.
      throw ConnectionFailures.translated(e);
    }
  }

  private NextJobs completeAndClaim(
      List<ClaimedJob> finished, Set<QueueName> queues, int max, String workerId) {
    String[] names = queues.stream().map(QueueName::value).toArray(String[]::new);
    Map<Long, ClaimedJob> unconfirmed = new HashMap<>();
    finished.forEach(job -> unconfirmed.put(job.id(), job));
    return jdbc.withStatement(
        COMPLETE_AND_CLAIM,
        statement -> {
          Connection connection = statement.getConnection();
          statement.setArray(
              1,
              connection.createArrayOf(
                  "bigint", finished.stream().map(ClaimedJob::id).toArray(Long[]::new)));
          statement.setArray(
              2,
              connection.createArrayOf(
                  "varchar", finished.stream().map(ClaimedJob::reservedBy).toArray(String[]::new)));
          statement.setArray(
              3,
              connection.createArrayOf(
                  "integer", finished.stream().map(ClaimedJob::attempts).toArray(Integer[]::new)));
          statement.setArray(4, connection.createArrayOf("varchar", names));
          statement.setString(5, workerId);
          statement.setInt(6, max);
          statement.setBoolean(7, connection.getAutoCommit());
          List<ClaimedJob> claimed = new ArrayList<>();
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              if (rows.getBoolean(1)) {
                unconfirmed.remove(rows.getLong(2));
              } else {
                claimed.add(claimedJob(rows, workerId));
              }
            }
          }
          List<ClaimedJob> lost =
              finished.stream().filter(job -> unconfirmed.containsKey(job.id())).toList();
          return new NextJobs(lost, claimed);
        });
  }

  private static ClaimedJob claimedJob(ResultSet row, String workerId) throws SQLException {
    return new ClaimedJob(
        row.getLong(2),
        row.getObject(3, UUID.class),
        QueueName.of(row.getString(4)),
        JobType.of(row.getString(5)),
        JobPayloadJson.read(row.getString(6)),
        row.getInt(7),
        row.getInt(8),
        workerId,
        Duration.ofMillis(Math.max(0, row.getLong(10))),
        Duration.ofSeconds(row.getInt(9)));
  }

  @Override
  public boolean complete(ClaimedJob job) {
    return jdbc.update(COMPLETE, job.id(), job.reservedBy(), job.attempts()) == 1;
  }

  @Override
  public boolean retryLater(ClaimedJob job, Duration delay) {
    return jdbc.update(
            RETRY_LATER, delay.toMillis() / 1000.0, job.id(), job.reservedBy(), job.attempts())
        == 1;
  }

  @Override
  public boolean bury(ClaimedJob job, String failure) {
    return jdbc.update(BURY, job.id(), job.reservedBy(), job.attempts(), failure) == 1;
  }

  @Override
  public boolean release(ClaimedJob job) {
    return jdbc.update(RELEASE, job.id(), job.reservedBy(), job.attempts()) == 1;
  }

  @Override
  public List<RescuedJob> rescueAbandoned(int max) {
    return jdbc.withStatement(
        RESCUE,
        statement -> {
          statement.setInt(1, max);
          List<RescuedJob> rescued = new ArrayList<>();
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              rescued.add(
                  new RescuedJob(
                      rows.getObject(1, UUID.class),
                      JobType.of(rows.getString(2)),
                      rows.getInt(3),
                      rows.getString(4),
                      rows.getBoolean(5)));
            }
          }
          return rescued;
        });
  }

  @Override
  public List<QueueStats> statsByQueue() {
    Map<String, long[]> byQueue = new TreeMap<>();
    jdbc.withStatement(
        JOB_STATS,
        statement -> {
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              long[] counts = byQueue.computeIfAbsent(rows.getString(1), queue -> new long[5]);
              for (int i = 0; i < 4; i++) {
                counts[i] = rows.getLong(i + 2);
              }
            }
          }
          return null;
        });
    jdbc.withStatement(
        FAILED_STATS,
        statement -> {
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              byQueue.computeIfAbsent(rows.getString(1), queue -> new long[5])[4] = rows.getLong(2);
            }
          }
          return null;
        });
    return byQueue.entrySet().stream()
        .map(
            entry -> {
              long[] counts = entry.getValue();
              return new QueueStats(
                  QueueName.of(entry.getKey()),
                  counts[0],
                  counts[1],
                  counts[2],
                  Duration.ofMillis(counts[3]),
                  counts[4]);
            })
        .toList();
  }
}
