package app.huberman.application.subscription;

import app.huberman.application.subscription.port.out.SubscriptionNoticeRepository;
import app.huberman.domain.subscription.SubscriptionId;
import app.huberman.domain.user.UserId;
import java.util.concurrent.atomic.AtomicLong;

class InMemorySubscriptionNoticesTest extends SubscriptionNoticeRepositoryContract {

  private final AtomicLong ids = new AtomicLong();

  @Override
  protected SubscriptionNoticeRepository repository() {
    return new InMemorySubscriptionNotices();
  }

  @Override
  protected UserId aStoredUser() {
    return UserId.of(ids.incrementAndGet());
  }

  @Override
  protected SubscriptionId aStoredSubscriptionOf(UserId owner) {
    return new SubscriptionId(ids.incrementAndGet());
  }
}
