package app.huberman.application.subscription;

import app.huberman.application.subscription.port.out.StoredNotice;
import app.huberman.application.subscription.port.out.SubscriptionNoticeRepository;
import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.NoticeOccasion;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.SubscriptionId;
import app.huberman.domain.user.UserId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A fake {@link SubscriptionNoticeRepository}. */
public final class InMemorySubscriptionNotices implements SubscriptionNoticeRepository {

  private final List<StoredNotice> stored = new ArrayList<>();

  @Override
  public synchronized Optional<Long> record(
      SubscriptionId subscription,
      UserId user,
      PaymentProvider provider,
      NoticeOccasion occasion,
      Instant at) {
    boolean known =
        stored.stream()
            .anyMatch(
                notice ->
                    notice.subscription().equals(subscription)
                        && notice.occasion().equals(occasion));
    if (known) {
      return Optional.empty();
    }
    long id = stored.size() + 1L;
    stored.add(new StoredNotice(id, subscription, user, provider, occasion, at));
    return Optional.of(id);
  }

  @Override
  public synchronized Optional<StoredNotice> find(long id) {
    return stored.stream().filter(notice -> notice.id() == id).findFirst();
  }

  @Override
  public synchronized boolean recorded(SubscriptionId subscription, NoticeKind kind) {
    return stored.stream()
        .anyMatch(
            notice ->
                notice.subscription().equals(subscription) && notice.occasion().kind() == kind);
  }

  public synchronized List<StoredNotice> all() {
    return List.copyOf(stored);
  }
}
