package app.huberman.application.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.subscription.port.out.StoredNotice;
import app.huberman.application.subscription.port.out.SubscriptionNoticeRepository;
import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.NoticeOccasion;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.SubscriptionId;
import app.huberman.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SubscriptionNoticeRepository} must do; the fake and the JDBC adapter extend it.
 */
public abstract class SubscriptionNoticeRepositoryContract {

  private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
  private static final NoticeOccasion PROBLEM =
      new NoticeOccasion(NoticeKind.PAYMENT_PROBLEM, "2026-12-26T10:00:00Z");

  /** An empty repository. */
  protected abstract SubscriptionNoticeRepository repository();

  /** The id of a stored account. */
  protected abstract UserId aStoredUser();

  /** The id of a stored subscription the user owns. */
  protected abstract SubscriptionId aStoredSubscriptionOf(UserId owner);

  @Test
  void recordsANoticeOnceAndFindsIt() {
    SubscriptionNoticeRepository notices = repository();
    UserId user = aStoredUser();
    SubscriptionId subscription = aStoredSubscriptionOf(user);

    Optional<Long> first = notices.record(subscription, user, PaymentProvider.APPLE, PROBLEM, T0);
    Optional<Long> again = notices.record(subscription, user, PaymentProvider.APPLE, PROBLEM, T0);

    assertThat(first).isPresent();
    assertThat(again).isEmpty();
    assertThat(notices.find(first.get()))
        .contains(
            new StoredNotice(first.get(), subscription, user, PaymentProvider.APPLE, PROBLEM, T0));
    assertThat(notices.find(first.get() + 1000)).isEmpty();
  }

  @Test
  void anotherKindOccasionOrSubscriptionIsAnotherNotice() {
    SubscriptionNoticeRepository notices = repository();
    UserId user = aStoredUser();
    SubscriptionId one = aStoredSubscriptionOf(user);
    SubscriptionId other = aStoredSubscriptionOf(user);

    assertThat(notices.record(one, user, PaymentProvider.STRIPE, PROBLEM, T0)).isPresent();
    assertThat(
            notices.record(
                one,
                user,
                PaymentProvider.STRIPE,
                new NoticeOccasion(NoticeKind.PAYMENT_PROBLEM, "2027-01-26T10:00:00Z"),
                T0))
        .isPresent();
    assertThat(
            notices.record(
                one,
                user,
                PaymentProvider.STRIPE,
                new NoticeOccasion(NoticeKind.PAYMENT_RECOVERED, PROBLEM.occasion()),
                T0))
        .isPresent();
    assertThat(notices.record(other, user, PaymentProvider.STRIPE, PROBLEM, T0)).isPresent();
  }

  @Test
  void saysWhetherASubscriptionHadAKindOfNotice() {
    SubscriptionNoticeRepository notices = repository();
    UserId user = aStoredUser();
    SubscriptionId subscription = aStoredSubscriptionOf(user);

    assertThat(notices.recorded(subscription, NoticeKind.PAYMENT_PROBLEM)).isFalse();
    notices.record(subscription, user, PaymentProvider.GOOGLE, PROBLEM, T0);

    assertThat(notices.recorded(subscription, NoticeKind.PAYMENT_PROBLEM)).isTrue();
    assertThat(notices.recorded(subscription, NoticeKind.PREMIUM_ENDED)).isFalse();
  }
}
