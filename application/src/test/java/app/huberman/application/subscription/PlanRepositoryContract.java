package app.huberman.application.subscription;

import static app.huberman.application.subscription.PlanTestData.aFreePlan;
import static app.huberman.application.subscription.PlanTestData.aPremiumMonthlyPlan;
import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.subscription.port.out.PlanRepository;
import app.huberman.domain.subscription.Plan;
import app.huberman.domain.subscription.PlanSlug;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PlanRepository} must do. The in-memory fake and the JPA adapter both extend it,
 * so service tests that use the fake say something true about production.
 */
public abstract class PlanRepositoryContract {

  /** Stores the given plans (and nothing else) and returns the repository under test. */
  protected abstract PlanRepository repositoryWith(Plan... plans);

  @Test
  void listsOnlyActivePlansCheapestFirst() {
    PlanRepository repository =
        repositoryWith(
            aPremiumMonthlyPlan().withId(2).withSlug("premium-annual").withPriceCents(9999).build(),
            aPremiumMonthlyPlan().withId(3).withSlug("retired").inactive().build(),
            aFreePlan().withId(1).build(),
            aPremiumMonthlyPlan().withId(4).build());

    assertThat(repository.findAllActive())
        .extracting(plan -> plan.slug().value())
        .containsExactly("free", "premium-monthly", "premium-annual");
  }

  @Test
  void ordersPlansOfTheSamePriceBySlug() {
    PlanRepository repository =
        repositoryWith(
            aPremiumMonthlyPlan().withId(1).withSlug("zeta").build(),
            aPremiumMonthlyPlan().withId(2).withSlug("alpha").build());

    assertThat(repository.findAllActive())
        .extracting(plan -> plan.slug().value())
        .containsExactly("alpha", "zeta");
  }

  @Test
  void returnsEveryFieldAsStored() {
    Plan stored = aPremiumMonthlyPlan().withId(7).build();
    PlanRepository repository = repositoryWith(stored);

    assertThat(repository.findBySlug(stored.slug())).contains(stored);
  }

  @Test
  void findsNothingForAnUnknownSlug() {
    PlanRepository repository = repositoryWith(aFreePlan().build());

    assertThat(repository.findBySlug(PlanSlug.of("platinum"))).isEmpty();
  }

  @Test
  void findsAnInactivePlanBySlug() {
    PlanRepository repository = repositoryWith(aPremiumMonthlyPlan().inactive().build());

    assertThat(repository.findBySlug(PlanSlug.of("premium-monthly"))).isPresent();
  }
}
