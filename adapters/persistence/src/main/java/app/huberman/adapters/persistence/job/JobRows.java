package app.huberman.adapters.persistence.job;

import app.huberman.application.job.port.out.NewJob;
import java.util.List;
import java.util.UUID;

/**
 * How a job is written as a row of {@code jobs}, for every statement that inserts jobs: the queue's
 * own insert and the webhook inbox's, which stores events and their jobs in one statement.
 */
public final class JobRows {

  /** The columns an insert fills, in the order of {@link #PLACEHOLDERS} and {@link #addValues}. */
  public static final String COLUMNS =
      "uuid, queue, type, payload, max_attempts, unique_key, timeout_seconds, visibility_seconds,"
          + " available_at";

  /**
   * One job's placeholders, without the parentheses of a {@code VALUES} row, so a statement may put
   * columns of its own before them. Typed, so a row also works in a table of its own (a {@code WITH
   * ... AS (VALUES ...)}) and not only as an insert's source.
   */
  public static final String PLACEHOLDERS =
      "?::uuid, ?, ?, ?::jsonb, ?::int, ?, ?::int, ?::int, now() + make_interval(secs => ?)";

  /** One job's row in a {@code VALUES} list. */
  public static final String ROW = "(" + PLACEHOLDERS + ")";

  /** What an insert of jobs returns for {@link #notifyingEachQueue}. */
  public static final String RETURNING = "RETURNING uuid, queue, available_at <= now() AS runnable";

  private JobRows() {}

  /** Adds the job's values, as {@link #PLACEHOLDERS} takes them. */
  public static void addValues(List<Object> parameters, UUID id, NewJob job) {
    parameters.add(id);
    parameters.add(job.options().queue().value());
    parameters.add(job.type().value());
    parameters.add(JobPayloadJson.write(job.payload()));
    parameters.add(job.options().maxAttempts());
    parameters.add(job.options().uniqueKey().orElse(null));
    parameters.add((int) job.options().timeouts().runTimeLimit().toSeconds());
    parameters.add((int) job.options().timeouts().visibilityTimeout().toSeconds());
    parameters.add(job.options().delay().toMillis() / 1000.0);
  }

  /**
   * A scalar subquery that sends one {@code NOTIFY} for each queue that got a job it may run at
   * once, given the name of a {@code WITH} query that inserted jobs {@link #RETURNING} their
   * columns. PostgreSQL delivers the notifications when (and only if) the transaction commits.
   */
  public static String notifyingEachQueue(String insertedJobs) {
    return "(SELECT count(pg_notify('%s', queue)) FROM (SELECT DISTINCT queue FROM %s WHERE runnable) AS ready)"
        .formatted(JdbcJobQueue.CHANNEL, insertedJobs);
  }
}
