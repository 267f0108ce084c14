package app.huberman.adapters.persistence.job;

import app.huberman.adapters.persistence.Jdbc;
import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Inserts the job in the caller's transaction and, for a job that may run at once, sends a {@code
 * NOTIFY} that PostgreSQL delivers when (and only if) that transaction commits.
 */
@Dependent
public class JdbcJobQueue implements JobQueuePort {

  /** The channel idle workers listen on. */
  public static final String CHANNEL = "huberman_jobs";

  private static final String INSERT =
      """
      WITH inserted AS (
        INSERT INTO jobs (uuid, queue, type, payload, max_attempts, unique_key,
                          timeout_seconds, visibility_seconds, available_at)
        VALUES (?, ?, ?, ?::jsonb, ?, ?, ?, ?, now() + make_interval(secs => ?))
        ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO NOTHING
        RETURNING queue)
      SELECT CASE WHEN ? THEN pg_notify('%s', queue) END FROM inserted
      """
          .formatted(CHANNEL);

  private final Jdbc jdbc;

  @Inject
  public JdbcJobQueue(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Optional<UUID> enqueue(JobType type, JobPayload payload, JobOptions options) {
    UUID uuid = UUID.randomUUID();
    boolean runnableNow = options.delay().isZero();
    boolean inserted =
        jdbc.withStatement(
            INSERT,
            statement -> {
              Jdbc.bind(
                  statement,
                  uuid,
                  options.queue().value(),
                  type.value(),
                  JobPayloadJson.write(payload),
                  options.maxAttempts(),
                  options.uniqueKey().orElse(null),
                  (int) options.timeouts().runTimeLimit().toSeconds(),
                  (int) options.timeouts().visibilityTimeout().toSeconds(),
                  options.delay().toMillis() / 1000.0,
                  runnableNow);
              try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
              }
            });
    return inserted ? Optional.of(uuid) : Optional.empty();
  }
}
