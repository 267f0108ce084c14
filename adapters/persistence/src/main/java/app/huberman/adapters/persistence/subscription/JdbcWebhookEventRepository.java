package app.huberman.adapters.persistence.subscription;

import app.huberman.adapters.persistence.Jdbc;
import app.huberman.application.subscription.port.out.StoredWebhookEvent;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.domain.subscription.PaymentProvider;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The webhook inbox in plain JDBC on the application's data source: a webhook is acknowledged once
 * its row commits, so storing it is one statement in the request's transaction. The unique key on
 * (provider, event id) is what makes redeliveries and concurrent deliveries store one row: the
 * second insert waits for the first to commit and then does nothing.
 *
 * <p>The payload is stored as {@code jsonb}: it reads back equal as JSON, with whitespace and key
 * order normalised (nothing re-verifies its bytes; signatures were checked before it was stored).
 */
@Dependent
public class JdbcWebhookEventRepository implements WebhookEventRepository {

  private static final String ADD =
      """
      INSERT INTO webhook_events (provider, event_id, type, payload, occurred_at, received_at)
      VALUES (?, ?, ?, ?::jsonb, ?, ?)
      ON CONFLICT (provider, event_id) DO NOTHING
      """;

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

  private final Jdbc jdbc;

  @Inject
  public JdbcWebhookEventRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public boolean addIfAbsent(VerifiedNotification notification, Instant receivedAt) {
    return jdbc.update(
            ADD,
            notification.provider().key(),
            notification.eventId(),
            notification.type(),
            notification.payload(),
            notification.occurredAt(),
            receivedAt)
        == 1;
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
    if (updated != 1) {
      throw new IllegalStateException(
          "No webhook event " + eventId + " from " + provider.key() + " is stored");
    }
  }

  @Override
  public int deleteProcessedBefore(Instant cutoff, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("A prune deletes at least one row: " + limit);
    }
    return jdbc.update(DELETE_PROCESSED_BEFORE, cutoff, limit);
  }
}
