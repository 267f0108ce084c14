package app.huberman.application.subscription;

import app.huberman.application.shared.DependencyUnavailableException;
import app.huberman.application.subscription.port.out.PlanRepository;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.Plan;
import app.huberman.domain.subscription.PlanId;
import app.huberman.domain.subscription.PlanSlug;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A fake {@link PlanRepository} that passes {@link PlanRepositoryContract}. */
public final class InMemoryPlanRepository implements PlanRepository {

  static final Comparator<Plan> CATALOGUE_ORDER =
      Comparator.comparingLong((Plan plan) -> plan.price().cents())
          .thenComparing(plan -> plan.slug().value());

  private final List<Plan> plans = new ArrayList<>();
  private int activeCatalogueReads;
  private boolean unreachable;

  public InMemoryPlanRepository add(Plan... added) {
    plans.addAll(List.of(added));
    return this;
  }

  /** How many times {@link #findAllActive} was asked. */
  public int activeCatalogueReads() {
    return activeCatalogueReads;
  }

  /** While unreachable, {@link #findAllActive} fails as PostgreSQL down does. */
  public void unreachable(boolean down) {
    unreachable = down;
  }

  @Override
  public List<Plan> findAllActive() {
    activeCatalogueReads++;
    if (unreachable) {
      throw new DependencyUnavailableException(
          "database", new IllegalStateException("connection refused"));
    }
    return plans.stream().filter(Plan::active).sorted(CATALOGUE_ORDER).toList();
  }

  @Override
  public Optional<Plan> findBySlug(PlanSlug slug) {
    return plans.stream().filter(plan -> plan.slug().equals(slug)).findFirst();
  }

  @Override
  public Optional<Plan> findById(PlanId id) {
    return plans.stream().filter(plan -> plan.id().equals(id)).findFirst();
  }

  @Override
  public Optional<Plan> findByProviderProduct(PaymentProvider provider, String productId) {
    return plans.stream()
        .filter(plan -> productOf(plan, provider).filter(productId::equals).isPresent())
        .findFirst();
  }

  private static Optional<String> productOf(Plan plan, PaymentProvider provider) {
    return switch (provider) {
      case STRIPE -> plan.productIds().stripePriceId();
      case APPLE -> plan.productIds().appleProductId();
      case GOOGLE -> plan.productIds().googleProductId();
    };
  }
}
