package app.huberman.adapters.persistence.subscription;

import app.huberman.adapters.persistence.Jdbc;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.domain.subscription.Environment;
import app.huberman.domain.subscription.LapsePolicy;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.subscription.SubscriptionId;
import app.huberman.domain.user.UserId;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Subscriptions in plain JDBC on the application's data source, so every statement joins the
 * caller's transaction. Plain JDBC because every webhook passes through here: a row lock, one read
 * and one update, with no entity manager to flush or dirty-check. The row lock ({@code FOR UPDATE})
 * is what serialises concurrent events for one subscription, so no version column is needed.
 *
 * <p>The queries behind the expiry task, the re-check and the premium gauge repeat, in SQL, the
 * domain's rules {@link Subscription#isDueForExpiry}, {@link Subscription#isOverdueForRenewal} and
 * {@link Subscription#grantsAccessAt}, in the very form of the indexes of migrations V5 and V8 (an
 * active subscription's lapse is its {@code renews_at} compared with {@code now} minus the grace of
 * its environment, so the index on {@code renews_at} serves it); a test checks them against the
 * domain for every status and environment.
 */
@Dependent
public class JdbcSubscriptionRepository implements SubscriptionRepository {

  /**
   * When a subscription that can run out is due to expire; NULL when never. Must stay the
   * expression of {@code subscriptions_due_for_expiry_idx}.
   */
  private static final String DUE_AT =
      """
      (CASE status
           WHEN 'canceled' THEN coalesce(ends_at, '-infinity')
           WHEN 'past_due' THEN coalesce(grace_ends_at, '-infinity')
           WHEN 'trialing' THEN trial_ends_at
       END)""";

  /**
   * Until when it grants access. Must stay the expression of {@code
   * subscriptions_access_until_idx}.
   */
  private static final String ACCESS_UNTIL =
      """
      (CASE status
           WHEN 'active' THEN 'infinity'
           WHEN 'trialing' THEN coalesce(trial_ends_at, 'infinity')
           WHEN 'past_due' THEN grace_ends_at
           WHEN 'canceled' THEN ends_at
       END)""";

  private static final String FIND_BY_REF_FOR_UPDATE =
      "SELECT "
          + SubscriptionRows.COLUMNS
          + " FROM subscriptions WHERE provider = ? AND provider_subscription_id = ? FOR UPDATE";

  /** Returns the row only when this call inserted it; it is then this transaction's alone. */
  private static final String START =
      "INSERT INTO subscriptions (provider, provider_subscription_id, status, created_at,"
          + " updated_at) VALUES (?, ?, 'incomplete', ?, ?)"
          + " ON CONFLICT (provider, provider_subscription_id) DO NOTHING RETURNING "
          + SubscriptionRows.COLUMNS;

  private static final String FIND_BY_ID_FOR_UPDATE =
      "SELECT " + SubscriptionRows.COLUMNS + " FROM subscriptions WHERE id = ? FOR UPDATE";

  private static final String UPDATE =
      """
      UPDATE subscriptions
         SET user_id = ?, plan_id = ?, environment = ?, status = ?, trial_ends_at = ?,
             renews_at = ?, ends_at = ?,
             grace_ends_at = ?, canceled_at = ?, last_event_at = ?, last_event_id = ?,
             plan_observed_at = ?, plan_observed_event_id = ?, updated_at = ?
       WHERE id = ?
      """;

  private static final String FIND_BY_OWNER =
      "SELECT "
          + SubscriptionRows.COLUMNS
          + " FROM subscriptions WHERE user_id = ? ORDER BY created_at DESC, id DESC";

  /** Served by subscriptions_canceled_ends_at_idx. */
  private static final String FIND_CANCELED_ENDING =
      "SELECT "
          + SubscriptionRows.COLUMNS
          + " FROM subscriptions WHERE status = 'canceled' AND ends_at > ? AND ends_at <= ?"
          + " ORDER BY ends_at, id LIMIT ?";

  private static final String FIND_BY_ID =
      "SELECT " + SubscriptionRows.COLUMNS + " FROM subscriptions WHERE id = ?";

  /** What ran out by its own dates, then active subscriptions past their lapse. */
  static final String FIND_DUE_FOR_EXPIRY =
      "(SELECT id FROM subscriptions WHERE status IN ('canceled', 'past_due', 'trialing') AND "
          + DUE_AT
          + " <= ? ORDER BY "
          + DUE_AT
          + ", id LIMIT ?) UNION ALL (SELECT id FROM subscriptions WHERE status = 'active'"
          + " AND renews_at <= ? AND (renews_at <= ? OR environment = 'sandbox')"
          + " ORDER BY renews_at, id LIMIT ?) LIMIT ?";

  /** Skips rows a webhook holds locked: it is about to tell us anyway. */
  static final String PICK_OVERDUE_FOR_RECHECK =
      """
      UPDATE subscriptions SET recheck_picked_at = ?
       WHERE id IN (SELECT id FROM subscriptions
                     WHERE status = 'active' AND renews_at <= ? AND provider = ANY (?)
                       AND (recheck_picked_at IS NULL OR recheck_picked_at <= ?)
                     ORDER BY recheck_picked_at NULLS FIRST, renews_at, id
                     LIMIT ? FOR UPDATE SKIP LOCKED)
      RETURNING id
      """;

  /** An active subscription grants access until its lapse: renews_at after now minus the grace. */
  static final String COUNT_GRANTING_PREMIUM_ACCESS =
      "SELECT environment, count(*) FROM subscriptions"
          + " WHERE status IN ('active', 'trialing', 'past_due', 'canceled') AND "
          + ACCESS_UNTIL
          + " > ? AND (status <> 'active' OR renews_at IS NULL"
          + " OR renews_at > CASE WHEN environment = 'sandbox' THEN ? ELSE ? END)"
          + " AND plan_id IN (SELECT id FROM plans WHERE price_cents > 0)"
          + " GROUP BY environment";

  private final Jdbc jdbc;

  @Inject
  public JdbcSubscriptionRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  /**
   * Reads and locks the row first, as almost every call finds it. Only when there is none does it
   * insert, with {@code ON CONFLICT DO NOTHING}: of two transactions racing to start the same
   * subscription, one inserts and the other's insert waits for that one to commit, does nothing,
   * and the second read then finds and locks the committed row. Inserting only when needed also
   * keeps the identity sequence from being spent on every event.
   */
  @Override
  public Subscription lockOrStart(ProviderSubscriptionRef ref, Instant now) {
    return lockByRef(ref)
        .or(() -> queryOne(START, ref.provider().key(), ref.id(), now, now))
        .or(() -> lockByRef(ref))
        .orElseThrow(() -> new IllegalStateException("Subscription " + ref + " vanished"));
  }

  @Override
  public Optional<Subscription> lockExisting(ProviderSubscriptionRef ref) {
    return lockByRef(ref);
  }

  @Override
  public Optional<Subscription> lock(SubscriptionId id) {
    return queryOne(FIND_BY_ID_FOR_UPDATE, id.value());
  }

  @Override
  public void save(Subscription subscription) {
    Subscription.State state = subscription.state();
    int updated =
        jdbc.update(
            UPDATE,
            state.owner().map(UserId::value).orElse(null),
            state.planId().map(plan -> plan.value()).orElse(null),
            state.environment().key(),
            state.status().key(),
            state.trialEndsAt().orElse(null),
            state.renewsAt().orElse(null),
            state.endsAt().orElse(null),
            state.graceEndsAt().orElse(null),
            state.canceledAt().orElse(null),
            state.lastEventAt().orElse(null),
            state.lastEventId().orElse(null),
            state.planObservedAt().orElse(null),
            state.planObservedEventId().orElse(null),
            state.updatedAt(),
            state.id().value());
    if (updated != 1) {
      throw new IllegalStateException("Subscription " + state.id().value() + " is not stored");
    }
  }

  @Override
  public List<Subscription> findByOwner(UserId owner) {
    return queryAll(FIND_BY_OWNER, owner.value());
  }

  @Override
  public List<Subscription> findCanceledEndingBetween(Instant after, Instant by, int limit) {
    return queryAll(FIND_CANCELED_ENDING, after, by, limit);
  }

  private List<Subscription> queryAll(String sql, Object... parameters) {
    return jdbc.withStatement(
        sql,
        statement -> {
          Jdbc.bind(statement, parameters);
          List<Subscription> found = new ArrayList<>();
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              found.add(SubscriptionRows.read(rows));
            }
          }
          return found;
        });
  }

  @Override
  public Optional<Subscription> find(SubscriptionId id) {
    return queryOne(FIND_BY_ID, id.value());
  }

  @Override
  public List<SubscriptionId> findDueForExpiry(Instant now, LapsePolicy lapse, int limit) {
    return ids(
        FIND_DUE_FOR_EXPIRY,
        now,
        limit,
        lapse.lapsedIfRenewedBy(now, Environment.SANDBOX),
        lapse.lapsedIfRenewedBy(now, Environment.PRODUCTION),
        limit,
        limit);
  }

  @Override
  public List<SubscriptionId> pickOverdueForRecheck(
      Instant now, Instant pickedBefore, Set<PaymentProvider> providers, int limit) {
    String[] keys = providers.stream().map(PaymentProvider::key).toArray(String[]::new);
    return ids(PICK_OVERDUE_FOR_RECHECK, now, now, keys, pickedBefore, limit);
  }

  private List<SubscriptionId> ids(String sql, Object... parameters) {
    return jdbc.withStatement(
        sql,
        statement -> {
          Jdbc.bind(statement, parameters);
          List<SubscriptionId> found = new ArrayList<>();
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              found.add(new SubscriptionId(rows.getLong(1)));
            }
          }
          return found;
        });
  }

  @Override
  public Map<Environment, Long> countGrantingPremiumAccess(Instant now, LapsePolicy lapse) {
    return jdbc.withStatement(
        COUNT_GRANTING_PREMIUM_ACCESS,
        statement -> {
          Jdbc.bind(
              statement,
              now,
              lapse.lapsedIfRenewedBy(now, Environment.SANDBOX),
              lapse.lapsedIfRenewedBy(now, Environment.PRODUCTION));
          Map<Environment, Long> counts = new EnumMap<>(Environment.class);
          try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
              counts.put(Environment.fromKey(rows.getString(1)), rows.getLong(2));
            }
          }
          return counts;
        });
  }

  private Optional<Subscription> lockByRef(ProviderSubscriptionRef ref) {
    return queryOne(FIND_BY_REF_FOR_UPDATE, ref.provider().key(), ref.id());
  }

  private Optional<Subscription> queryOne(String sql, Object... parameters) {
    return jdbc.withStatement(
        sql,
        statement -> {
          Jdbc.bind(statement, parameters);
          try (ResultSet row = statement.executeQuery()) {
            return row.next() ? Optional.of(SubscriptionRows.read(row)) : Optional.empty();
          }
        });
  }
}
