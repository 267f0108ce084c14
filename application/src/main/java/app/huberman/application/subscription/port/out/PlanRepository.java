package app.huberman.application.subscription.port.out;

import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.Plan;
import app.huberman.domain.subscription.PlanId;
import app.huberman.domain.subscription.PlanSlug;
import java.util.List;
import java.util.Optional;

/** The store of plans. */
public interface PlanRepository {

  /** Plans offered to subscribers, ordered by price, then slug. */
  List<Plan> findAllActive();

  Optional<Plan> findBySlug(PlanSlug slug);

  Optional<Plan> findById(PlanId id);

  /**
   * The plan a provider's product maps to: Stripe price id, App Store product id or Play product
   * id. Inactive plans are found too, since existing subscribers keep them.
   */
  Optional<Plan> findByProviderProduct(PaymentProvider provider, String productId);
}
