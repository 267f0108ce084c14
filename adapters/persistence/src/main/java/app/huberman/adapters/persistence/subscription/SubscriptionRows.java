package app.huberman.adapters.persistence.subscription;

import app.huberman.adapters.persistence.Jdbc;
import app.huberman.domain.subscription.Environment;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.PlanId;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.subscription.SubscriptionId;
import app.huberman.domain.subscription.SubscriptionStatus;
import app.huberman.domain.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** Reads a row of {@code subscriptions} back into the aggregate, through its rehydrate factory. */
final class SubscriptionRows {

  /** The columns {@link #read} expects, in any order (it reads them by name). */
  static final String COLUMNS =
      "id, user_id, plan_id, provider, provider_subscription_id, environment, status,"
          + " trial_ends_at,"
          + " renews_at, ends_at, grace_ends_at, canceled_at, last_event_at, last_event_id,"
          + " plan_observed_at, plan_observed_event_id, created_at, updated_at";

  private SubscriptionRows() {}

  static Subscription read(ResultSet row) throws SQLException {
    return Subscription.rehydrate(
        new Subscription.State(
            new SubscriptionId(row.getLong("id")),
            new ProviderSubscriptionRef(
                PaymentProvider.fromKey(row.getString("provider")),
                row.getString("provider_subscription_id")),
            Environment.fromKey(row.getString("environment")),
            optionalLong(row, "user_id").map(UserId::of),
            optionalLong(row, "plan_id").map(PlanId::of),
            SubscriptionStatus.fromKey(row.getString("status")),
            Optional.ofNullable(Jdbc.instant(row, "trial_ends_at")),
            Optional.ofNullable(Jdbc.instant(row, "renews_at")),
            Optional.ofNullable(Jdbc.instant(row, "ends_at")),
            Optional.ofNullable(Jdbc.instant(row, "grace_ends_at")),
            Optional.ofNullable(Jdbc.instant(row, "canceled_at")),
            Optional.ofNullable(Jdbc.instant(row, "last_event_at")),
            Optional.ofNullable(row.getString("last_event_id")),
            Optional.ofNullable(Jdbc.instant(row, "plan_observed_at")),
            Optional.ofNullable(row.getString("plan_observed_event_id")),
            Jdbc.instant(row, "created_at"),
            Jdbc.instant(row, "updated_at")));
  }

  private static Optional<Long> optionalLong(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? Optional.empty() : Optional.of(value);
  }
}
