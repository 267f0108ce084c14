package app.huberman.bootstrap.wiring;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.in.ListPlansUseCase;
import app.huberman.application.subscription.port.out.PlanRepository;
import app.huberman.application.subscription.service.ListPlansService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The subscriptions context's use cases. */
@ApplicationScoped
public class SubscriptionWiring {

  @Produces
  @ApplicationScoped
  public ListPlansUseCase listPlans(PlanRepository plans, UnitOfWorkPort unitOfWork) {
    return new ListPlansService(plans, unitOfWork);
  }
}
