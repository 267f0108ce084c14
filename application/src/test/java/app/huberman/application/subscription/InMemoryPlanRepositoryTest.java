package app.huberman.application.subscription;

import app.huberman.application.subscription.port.out.PlanRepository;
import app.huberman.domain.subscription.Plan;

class InMemoryPlanRepositoryTest extends PlanRepositoryContract {

  @Override
  protected PlanRepository repositoryWith(Plan... plans) {
    return new InMemoryPlanRepository().add(plans);
  }
}
