package app.huberman.adapters.persistence.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.persistence.MigratedDatabase;
import app.huberman.application.subscription.SubscriptionNoticeRepositoryContract;
import app.huberman.application.subscription.port.out.SubscriptionNoticeRepository;
import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.NoticeOccasion;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.SubscriptionId;
import app.huberman.domain.user.UserId;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcSubscriptionNoticeRepositoryIT extends SubscriptionNoticeRepositoryContract {

  @RegisterExtension static final MigratedDatabase DB = new MigratedDatabase("notices");

  private static final AtomicInteger ROWS = new AtomicInteger();

  @Override
  protected SubscriptionNoticeRepository repository() {
    DB.database().execute("DELETE FROM subscription_notices");
    return new JdbcSubscriptionNoticeRepository(DB.transactions().dataSource());
  }

  @Override
  protected UserId aStoredUser() {
    int n = ROWS.incrementAndGet();
    return UserId.of(
        Long.parseLong(
            DB.database()
                .strings(
                    "INSERT INTO users (uuid, name, email, password, role, created_at, updated_at)"
                        + " VALUES (gen_random_uuid(), 'User', 'notice"
                        + n
                        + "@example.com', 'x', 'USER', now(), now()) RETURNING id")
                .getFirst()));
  }

  @Override
  protected SubscriptionId aStoredSubscriptionOf(UserId owner) {
    int n = ROWS.incrementAndGet();
    return new SubscriptionId(
        Long.parseLong(
            DB.database()
                .strings(
                    "INSERT INTO subscriptions (user_id, provider, provider_subscription_id,"
                        + " status, created_at, updated_at) VALUES ("
                        + owner.value()
                        + ", 'stripe', 'sub_notice_"
                        + n
                        + "', 'active', now(), now()) RETURNING id")
                .getFirst()));
  }

  @Test
  void theNoticesGoWithTheAccount() {
    SubscriptionNoticeRepository notices = repository();
    UserId user = aStoredUser();
    long id =
        notices
            .record(
                aStoredSubscriptionOf(user),
                user,
                PaymentProvider.STRIPE,
                new NoticeOccasion(NoticeKind.PREMIUM_ENDED, "2026-12-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"))
            .orElseThrow();

    DB.database().execute("DELETE FROM users WHERE id = " + user.value());

    assertThat(notices.find(id)).isEmpty();
  }
}
