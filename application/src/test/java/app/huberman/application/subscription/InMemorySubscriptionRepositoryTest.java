package app.huberman.application.subscription;

import static app.huberman.application.subscription.PlanTestData.aFreePlan;
import static app.huberman.application.subscription.PlanTestData.aPremiumMonthlyPlan;

import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.domain.subscription.PlanId;
import app.huberman.domain.user.UserId;
import java.util.concurrent.atomic.AtomicLong;

/** The fake the service tests use keeps the same promises as the JDBC store. */
class InMemorySubscriptionRepositoryTest extends SubscriptionRepositoryContract {

  private static final PlanId FREE = PlanId.of(1);
  private static final PlanId PREMIUM = PlanId.of(2);

  private final DirectUnitOfWork transactions = new DirectUnitOfWork();
  private final AtomicLong users = new AtomicLong();

  @Override
  protected SubscriptionRepository emptyRepository() {
    return new InMemorySubscriptionRepository(
        new InMemoryPlanRepository()
            .add(
                aFreePlan().withId(FREE.value()).build(),
                aPremiumMonthlyPlan().withId(PREMIUM.value()).build()));
  }

  @Override
  protected UnitOfWorkPort transactions() {
    return transactions;
  }

  @Override
  protected UserId aStoredUser() {
    return UserId.of(users.incrementAndGet());
  }

  @Override
  protected PlanId aPremiumPlan() {
    return PREMIUM;
  }

  @Override
  protected PlanId theFreePlan() {
    return FREE;
  }
}
