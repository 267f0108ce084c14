package app.huberman.adapters.persistence.job;

import app.huberman.adapters.persistence.Jdbc;
import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.job.port.out.NewJob;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Inserts jobs in the caller's transaction, any number in one statement, and for each queue that
 * got a job it may run at once, sends one {@code NOTIFY} that PostgreSQL delivers when (and only
 * if) that transaction commits.
 *
 * <p>A job whose unique key is taken (by a job queued or running, or by an earlier job of the same
 * statement) is skipped by {@code ON CONFLICT DO NOTHING}; the ids the statement returns say which
 * were inserted.
 */
@Dependent
public class JdbcJobQueue implements JobQueuePort {

  /** The channel idle workers listen on. */
  public static final String CHANNEL = "huberman_jobs";

  private final Jdbc jdbc;

  @Inject
  public JdbcJobQueue(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public List<Optional<UUID>> enqueueAll(List<NewJob> jobs) {
    if (jobs.isEmpty()) {
      return List.of();
    }
    List<UUID> ids = new ArrayList<>(jobs.size());
    List<Object> parameters = new ArrayList<>(jobs.size() * 9);
    for (NewJob job : jobs) {
      UUID uuid = UUID.randomUUID();
      ids.add(uuid);
      JobRows.addValues(parameters, uuid, job);
    }
    Set<UUID> inserted =
        jdbc.withStatement(
            insert(jobs.size()),
            statement -> {
              Jdbc.bind(statement, parameters.toArray());
              Set<UUID> rows = new HashSet<>();
              try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                  rows.add(result.getObject("uuid", UUID.class));
                }
              }
              return rows;
            });
    return ids.stream()
        .map(id -> inserted.contains(id) ? Optional.of(id) : Optional.<UUID>empty())
        .toList();
  }

  /**
   * A statement inserting {@code rows} jobs and returning the id of each one inserted; each queue
   * that got a job it may start now is notified once.
   */
  private static String insert(int rows) {
    return """
        WITH inserted AS (
          INSERT INTO jobs (%s)
          VALUES %s
          ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO NOTHING
          %s)
        SELECT uuid, %s AS notified
          FROM inserted
        """
        .formatted(
            JobRows.COLUMNS,
            String.join(", ", Collections.nCopies(rows, JobRows.ROW)),
            JobRows.RETURNING,
            JobRows.notifyingEachQueue("inserted"));
  }
}
