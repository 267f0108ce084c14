package app.huberman.adapters.persistence.job;

import app.huberman.adapters.persistence.Jdbc;
import app.huberman.application.job.port.out.FailedJobRepository;
import app.huberman.domain.job.FailedJob;
import app.huberman.domain.job.JobType;
import app.huberman.domain.job.QueueName;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

@Dependent
public class JdbcFailedJobRepository implements FailedJobRepository {

  private static final String LIST =
      "SELECT uuid, queue, type, attempts, exception, failed_at FROM failed_jobs"
          + " ORDER BY failed_at DESC, id DESC LIMIT ?";

  /**
   * Back to the queue with fresh attempts. A job already queued with the same unique key makes the
   * copy redundant: the failed job is then just removed (so is a second failed job with the key of
   * one put back by the same statement).
   */
  private static final String REQUEUE =
      """
      WITH retried AS (
        DELETE FROM failed_jobs WHERE %s
        RETURNING uuid, queue, type, payload, max_attempts, unique_key, timeout_seconds,
                  visibility_seconds),
      requeued AS (
        INSERT INTO jobs (uuid, queue, type, payload, max_attempts, unique_key, timeout_seconds,
                          visibility_seconds)
        SELECT * FROM retried
        ON CONFLICT DO NOTHING)
      SELECT count(*) FROM retried
      """;

  private final Jdbc jdbc;

  @Inject
  public JdbcFailedJobRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public List<FailedJob> list(int limit) {
    return jdbc.withStatement(
        LIST,
        statement -> {
          statement.setInt(1, limit);
          List<FailedJob> failed = new ArrayList<>();
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              failed.add(
                  new FailedJob(
                      rows.getObject(1, UUID.class),
                      QueueName.of(rows.getString(2)),
                      JobType.of(rows.getString(3)),
                      rows.getInt(4),
                      rows.getString(5),
                      rows.getObject(6, OffsetDateTime.class).toInstant()));
            }
          }
          return failed;
        });
  }

  @Override
  public boolean requeue(UUID uuid) {
    return requeueWhere("uuid = ?", uuid) == 1;
  }

  @Override
  public int requeueAll() {
    return requeueWhere("true");
  }

  private int requeueWhere(String condition, Object... parameters) {
    return jdbc.withStatement(
        REQUEUE.formatted(condition),
        statement -> {
          Jdbc.bind(statement, parameters);
          try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
          }
        });
  }

  @Override
  public int requeueByUniqueKey(Collection<String> uniqueKeys) {
    if (uniqueKeys.isEmpty()) {
      return 0;
    }
    return requeueWhere("unique_key = ANY (?)", (Object) uniqueKeys.toArray(String[]::new));
  }

  @Override
  public boolean forget(UUID uuid) {
    return jdbc.update("DELETE FROM failed_jobs WHERE uuid = ?", uuid) == 1;
  }

  @Override
  public int pruneOlderThan(Duration age, Set<JobType> kept) {
    return jdbc.update(
        "DELETE FROM failed_jobs WHERE failed_at < now() - make_interval(secs => ?)"
            + " AND type <> ALL (?)",
        (double) age.toSeconds(),
        kept.stream().map(JobType::value).toArray(String[]::new));
  }
}
