package app.huberman.application.subscription.port.out;

import app.huberman.domain.subscription.Plan;
import app.huberman.domain.subscription.PlanSlug;
import java.util.List;
import java.util.Optional;

/** The store of plans. */
public interface PlanRepository {

  /** Plans offered to subscribers, ordered by price, then slug. */
  List<Plan> findAllActive();

  Optional<Plan> findBySlug(PlanSlug slug);
}
