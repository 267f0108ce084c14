package app.huberman.application.subscription.service;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.in.ListPlansUseCase;
import app.huberman.application.subscription.port.out.PlanRepository;
import app.huberman.domain.subscription.Plan;
import java.util.List;
import java.util.Objects;

public final class ListPlansService implements ListPlansUseCase {

  private final PlanRepository plans;
  private final UnitOfWorkPort unitOfWork;

  public ListPlansService(PlanRepository plans, UnitOfWorkPort unitOfWork) {
    this.plans = Objects.requireNonNull(plans, "plans");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public List<Plan> listActivePlans() {
    return unitOfWork.readOnly(plans::findAllActive);
  }
}
