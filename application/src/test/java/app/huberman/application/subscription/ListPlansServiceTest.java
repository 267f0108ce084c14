package app.huberman.application.subscription;

import static app.huberman.application.subscription.PlanTestData.aFreePlan;
import static app.huberman.application.subscription.PlanTestData.aPremiumMonthlyPlan;
import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.subscription.service.ListPlansService;
import org.junit.jupiter.api.Test;

class ListPlansServiceTest {

  private final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();

  @Test
  void listsTheActiveCatalogueInOneReadOnlyTransaction() {
    InMemoryPlanRepository plans =
        new InMemoryPlanRepository()
            .add(
                aPremiumMonthlyPlan().withId(2).build(),
                aFreePlan().withId(1).build(),
                aPremiumMonthlyPlan().withId(3).withSlug("legacy").inactive().build());
    ListPlansService service = new ListPlansService(plans, unitOfWork);

    assertThat(service.listActivePlans())
        .extracting(plan -> plan.slug().value())
        .containsExactly("free", "premium-monthly");
    assertThat(unitOfWork.readOnlyTransactions()).isEqualTo(1);
    assertThat(unitOfWork.transactions()).isZero();
  }
}
