package app.huberman.adapters.persistence.subscription;

import app.huberman.adapters.persistence.Jdbc;
import app.huberman.adapters.persistence.job.JobRows;
import app.huberman.application.job.port.out.NewJob;
import app.huberman.application.subscription.port.out.StalledWebhookEvent;
import app.huberman.application.subscription.port.out.StoredWebhookEvent;
import app.huberman.application.subscription.port.out.UnprocessedWebhookEvents;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.application.subscription.port.out.WebhookEventKey;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.domain.subscription.PaymentProvider;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The webhook inbox in plain JDBC on the application's data source: a webhook is acknowledged once
 * its row commits, so storing a batch of them is one multi-row statement in the batch's
 * transaction. The unique key on (provider, event id) is what makes redeliveries and concurrent
 * deliveries store one row: the second insert waits for the first to commit and then does nothing.
 *
 * <p>The payload is stored as {@code jsonb}: it reads back equal as JSON, with whitespace and key
 * order normalised (nothing re-verifies its bytes; signatures were checked before it was stored).
 */
@Dependent
public class JdbcWebhookEventRepository implements WebhookEventRepository {

  private static final String ADD_ROW = "(?, ?, ?, ?::jsonb, ?, ?)";

  /** Rows in one order whoever inserts them, so two overlapping batches cannot deadlock. */
  private static final Comparator<VerifiedNotification> KEY_ORDER =
      Comparator.comparing((VerifiedNotification n) -> n.provider().key())
          .thenComparing(VerifiedNotification::eventId);

  private static final String FIND =
      """
      SELECT provider, event_id, type, payload::text AS payload, occurred_at, received_at,
             processed_at, attempts, last_error
        FROM webhook_events
       WHERE provider = ? AND event_id = ?
      """;

  private static final String MARK_PROCESSED =
      """
      UPDATE webhook_events
         SET processed_at = ?, attempts = attempts + 1, last_error = ?
       WHERE provider = ? AND event_id = ?
      """;

  /**
   * Oldest first through the partial index on {@code received_at}; rows another pruner holds are
   * skipped rather than waited for.
   */
  private static final String DELETE_PROCESSED_BEFORE =
      """
      DELETE FROM webhook_events
       WHERE id IN (SELECT id FROM webhook_events
                     WHERE processed_at IS NOT NULL AND received_at < ?
                     ORDER BY received_at
                     LIMIT ?
                     FOR UPDATE SKIP LOCKED)
      """;

  /**
   * Oldest first through the partial index on unprocessed events. The job key is {@link
   * WebhookEventKey#processingJobKey()} to the letter, so the jobs' unique index answers whether a
   * processing job is queued or running. Rows another reconciler holds are skipped.
   */
  private static final String LOCK_STALLED =
      """
      SELECT provider, event_id, type, received_at, reconciliations
        FROM webhook_events e
       WHERE processed_at IS NULL
         AND CASE WHEN next_reconcile_at IS NULL THEN received_at < ?
                  ELSE next_reconcile_at <= ? END
         AND NOT EXISTS (SELECT 1 FROM jobs
                          WHERE jobs.unique_key = 'webhook:' || e.provider || ':' || e.event_id)
       ORDER BY received_at
       LIMIT ?
       FOR UPDATE OF e SKIP LOCKED
      """;

  private static final String RECORD_RECONCILIATION =
      """
      UPDATE webhook_events
         SET reconciliations = reconciliations + 1, next_reconcile_at = ?
       WHERE provider = ? AND event_id = ?
      """;

  private static final String UNPROCESSED_BY_PROVIDER =
      """
      SELECT provider, count(*) AS unprocessed, min(received_at) AS oldest
        FROM webhook_events
       WHERE processed_at IS NULL
       GROUP BY provider
      """;

  private final Jdbc jdbc;

  @Inject
  public JdbcWebhookEventRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /**
   * One statement for the whole batch, events and jobs: the jobs are inserted from the events'
   * {@code RETURNING}, so only a stored event gets its job, and the batch costs one round trip.
   */
  @Override
  public Set<WebhookEventKey> add(
      List<VerifiedNotification> notifications,
      Instant receivedAt,
      Function<VerifiedNotification, NewJob> processingJob) {
    List<VerifiedNotification> rows = firstOfEachKey(notifications);
    if (rows.isEmpty()) {
      return Set.of();
    }
    List<Object> parameters = eventParameters(rows, receivedAt);
    for (VerifiedNotification row : rows) {
      parameters.add(row.provider().key());
      parameters.add(row.eventId());
      JobRows.addValues(parameters, UUID.randomUUID(), processingJob.apply(row));
    }
    return storing(addEventsWithJobs(rows.size()), parameters);
  }

  private static List<VerifiedNotification> firstOfEachKey(
      List<VerifiedNotification> notifications) {
    Map<WebhookEventKey, VerifiedNotification> firsts = new LinkedHashMap<>();
    notifications.forEach(notification -> firsts.putIfAbsent(notification.key(), notification));
    return firsts.values().stream().sorted(KEY_ORDER).toList();
  }

  private static List<Object> eventParameters(List<VerifiedNotification> rows, Instant receivedAt) {
    List<Object> parameters = new ArrayList<>(rows.size() * 17);
    for (VerifiedNotification row : rows) {
      parameters.addAll(
          List.of(
              row.provider().key(),
              row.eventId(),
              row.type(),
              row.payload(),
              row.occurredAt(),
              receivedAt));
    }
    return parameters;
  }

  /** Runs a statement returning the provider and event id of each event it stored. */
  private Set<WebhookEventKey> storing(String sql, List<Object> parameters) {
    return new HashSet<>(rows(sql, JdbcWebhookEventRepository::keyOf, parameters.toArray()));
  }

  private static WebhookEventKey keyOf(ResultSet row) throws SQLException {
    return new WebhookEventKey(
        PaymentProvider.fromKey(row.getString("provider")), row.getString("event_id"));
  }

  /** A row of a result, read into a value. */
  @FunctionalInterface
  private interface RowReader<T> {
    T read(ResultSet row) throws SQLException;
  }

  /** Each row the query returns, read. */
  private <T> List<T> rows(String sql, RowReader<T> reader, Object... parameters) {
    return jdbc.withStatement(
        sql,
        statement -> {
          Jdbc.bind(statement, parameters);
          List<T> read = new ArrayList<>();
          try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
              read.add(reader.read(row));
            }
          }
          return read;
        });
  }

  @Override
  public Optional<StoredWebhookEvent> find(PaymentProvider provider, String eventId) {
    return jdbc.withStatement(
        FIND,
        statement -> {
          Jdbc.bind(statement, provider.key(), eventId);
          try (ResultSet row = statement.executeQuery()) {
            if (!row.next()) {
              return Optional.empty();
            }
            return Optional.of(
                new StoredWebhookEvent(
                    new VerifiedNotification(
                        PaymentProvider.fromKey(row.getString("provider")),
                        row.getString("event_id"),
                        row.getString("type"),
                        Jdbc.instant(row, "occurred_at"),
                        row.getString("payload")),
                    Jdbc.instant(row, "received_at"),
                    Optional.ofNullable(Jdbc.instant(row, "processed_at")),
                    row.getInt("attempts"),
                    Optional.ofNullable(row.getString("last_error"))));
          }
        });
  }

  /**
   * @throws IllegalStateException when no such event is stored (it was never added, or was pruned)
   */
  @Override
  public void markProcessed(
      PaymentProvider provider, String eventId, Instant at, Optional<String> error) {
    int updated = jdbc.update(MARK_PROCESSED, at, error.orElse(null), provider.key(), eventId);
    requireOneUpdated(updated, new WebhookEventKey(provider, eventId));
  }

  private static void requireOneUpdated(int updated, WebhookEventKey key) {
    if (updated != 1) {
      throw new IllegalStateException(
          "No webhook event " + key.eventId() + " from " + key.provider().key() + " is stored");
    }
  }

  @Override
  public int deleteProcessedBefore(Instant cutoff, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("A prune deletes at least one row: " + limit);
    }
    return jdbc.update(DELETE_PROCESSED_BEFORE, cutoff, limit);
  }

  @Override
  public List<StalledWebhookEvent> lockStalled(Instant receivedBefore, Instant now, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException(
          "A search for stalled events takes at least one: " + limit);
    }
    return rows(
        LOCK_STALLED,
        row ->
            new StalledWebhookEvent(
                keyOf(row),
                row.getString("type"),
                Jdbc.instant(row, "received_at"),
                row.getInt("reconciliations")),
        receivedBefore,
        now,
        limit);
  }

  @Override
  public void recordReconciliation(WebhookEventKey key, Instant nextAt) {
    int updated = jdbc.update(RECORD_RECONCILIATION, nextAt, key.provider().key(), key.eventId());
    requireOneUpdated(updated, key);
  }

  @Override
  public List<UnprocessedWebhookEvents> unprocessedByProvider() {
    return rows(
        UNPROCESSED_BY_PROVIDER,
        row ->
            new UnprocessedWebhookEvents(
                PaymentProvider.fromKey(row.getString("provider")),
                row.getLong("unprocessed"),
                Jdbc.instant(row, "oldest")));
  }

  /**
   * A statement storing {@code rows} notifications, then a job for each one it stored (the
   * candidates are keyed by provider and event id), and returning the keys it stored. The jobs'
   * notifications are sent once the transaction commits.
   */
  private static String addEventsWithJobs(int rows) {
    return """
        WITH events AS (
          INSERT INTO webhook_events (provider, event_id, type, payload, occurred_at, received_at)
          VALUES %s
          ON CONFLICT (provider, event_id) DO NOTHING
          RETURNING provider, event_id),
        candidate_jobs (provider, event_id, %s) AS (
          VALUES %s),
        jobs_stored AS (
          INSERT INTO jobs (%s)
          SELECT %s
            FROM candidate_jobs JOIN events USING (provider, event_id)
          ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO NOTHING
          %s)
        SELECT provider, event_id, %s AS notified
          FROM events
        """
        .formatted(
            values(rows, ADD_ROW),
            JobRows.COLUMNS,
            values(rows, "(?, ?, " + JobRows.PLACEHOLDERS + ")"),
            JobRows.COLUMNS,
            JobRows.COLUMNS,
            JobRows.RETURNING,
            JobRows.notifyingEachQueue("jobs_stored"));
  }

  private static String values(int rows, String row) {
    return String.join(", ", Collections.nCopies(rows, row));
  }
}
