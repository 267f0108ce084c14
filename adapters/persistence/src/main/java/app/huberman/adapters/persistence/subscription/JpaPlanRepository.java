package app.huberman.adapters.persistence.subscription;

import app.huberman.application.subscription.port.out.PlanRepository;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.Plan;
import app.huberman.domain.subscription.PlanId;
import app.huberman.domain.subscription.PlanSlug;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

@Dependent
public class JpaPlanRepository implements PlanRepository {

  private final EntityManager entityManager;

  @Inject
  public JpaPlanRepository(EntityManager entityManager) {
    this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
  }

  @Override
  public List<Plan> findAllActive() {
    return entityManager
        .createQuery(
            "select p from Plan p where p.active = true order by p.priceCents, p.slug",
            PlanJpaEntity.class)
        .getResultStream()
        .map(PlanJpaMapper::toDomain)
        .toList();
  }

  @Override
  public Optional<Plan> findBySlug(PlanSlug slug) {
    return entityManager
        .createQuery("select p from Plan p where p.slug = :slug", PlanJpaEntity.class)
        .setParameter("slug", slug.value())
        .getResultStream()
        .findFirst()
        .map(PlanJpaMapper::toDomain);
  }

  @Override
  public Optional<Plan> findById(PlanId id) {
    return Optional.ofNullable(entityManager.find(PlanJpaEntity.class, id.value()))
        .map(PlanJpaMapper::toDomain);
  }

  @Override
  public Optional<Plan> findByProviderProduct(PaymentProvider provider, String productId) {
    String column =
        switch (provider) {
          case STRIPE -> "stripePriceId";
          case APPLE -> "appleProductId";
          case GOOGLE -> "googleProductId";
        };
    return entityManager
        .createQuery("select p from Plan p where p." + column + " = :product", PlanJpaEntity.class)
        .setParameter("product", productId)
        .getResultStream()
        .findFirst()
        .map(PlanJpaMapper::toDomain);
  }
}
