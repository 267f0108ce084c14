package app.huberman.application.subscription.port.out;

import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.NoticeOccasion;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.SubscriptionId;
import app.huberman.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/**
 * The notices recorded for subscriptions: at most one per subscription, kind and occasion, kept as
 * long as the subscription and its owner's account. Writes run in the caller's transaction.
 */
public interface SubscriptionNoticeRepository {

  /**
   * Records the notice unless the subscription has one of this kind for this occasion already.
   *
   * @return the new notice's id; empty when it was recorded before (by this or a concurrent call)
   */
  Optional<Long> record(
      SubscriptionId subscription,
      UserId user,
      PaymentProvider provider,
      NoticeOccasion occasion,
      Instant at);

  Optional<StoredNotice> find(long id);

  /** Whether the subscription ever got a notice of this kind. */
  boolean recorded(SubscriptionId subscription, NoticeKind kind);
}
