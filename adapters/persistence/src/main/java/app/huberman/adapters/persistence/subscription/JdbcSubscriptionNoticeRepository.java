package app.huberman.adapters.persistence.subscription;

import app.huberman.adapters.persistence.Jdbc;
import app.huberman.application.subscription.port.out.StoredNotice;
import app.huberman.application.subscription.port.out.SubscriptionNoticeRepository;
import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.NoticeOccasion;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.SubscriptionId;
import app.huberman.domain.user.UserId;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** Notices in {@code subscription_notices}, unique per subscription, kind and occasion. */
@Dependent
public class JdbcSubscriptionNoticeRepository implements SubscriptionNoticeRepository {

  private static final String RECORD =
      "INSERT INTO subscription_notices"
          + " (subscription_id, user_id, provider, kind, occasion, created_at)"
          + " VALUES (?, ?, ?, ?, ?, ?)"
          + " ON CONFLICT ON CONSTRAINT subscription_notices_once DO NOTHING RETURNING id";
  private static final String FIND =
      "SELECT id, subscription_id, user_id, provider, kind, occasion, created_at"
          + " FROM subscription_notices WHERE id = ?";
  private static final String RECORDED =
      "SELECT EXISTS (SELECT 1 FROM subscription_notices WHERE subscription_id = ? AND kind = ?)";

  private final Jdbc jdbc;

  @Inject
  public JdbcSubscriptionNoticeRepository(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public Optional<Long> record(
      SubscriptionId subscription,
      UserId user,
      PaymentProvider provider,
      NoticeOccasion occasion,
      Instant at) {
    return jdbc.withStatement(
        RECORD,
        statement -> {
          Jdbc.bind(
              statement,
              subscription.value(),
              user.value(),
              provider.key(),
              occasion.kind().key(),
              occasion.occasion(),
              at);
          try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(rows.getLong(1)) : Optional.empty();
          }
        });
  }

  @Override
  public Optional<StoredNotice> find(long id) {
    return jdbc.withStatement(
        FIND,
        statement -> {
          Jdbc.bind(statement, id);
          try (ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
              return Optional.empty();
            }
            Optional<NoticeKind> kind = NoticeKind.fromKey(rows.getString("kind"));
            if (kind.isEmpty()) {
              return Optional.empty(); // a kind a newer build recorded: that build delivers it
            }
            return Optional.of(
                new StoredNotice(
                    rows.getLong("id"),
                    new SubscriptionId(rows.getLong("subscription_id")),
                    UserId.of(rows.getLong("user_id")),
                    PaymentProvider.fromKey(rows.getString("provider")),
                    new NoticeOccasion(kind.get(), rows.getString("occasion")),
                    Jdbc.instant(rows, "created_at")));
          }
        });
  }

  @Override
  public boolean recorded(SubscriptionId subscription, NoticeKind kind) {
    return jdbc.withStatement(
        RECORDED,
        statement -> {
          Jdbc.bind(statement, subscription.value(), kind.key());
          try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getBoolean(1);
          }
        });
  }
}
