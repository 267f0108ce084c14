package app.huberman.adapters.persistence.subscription;

import app.huberman.domain.shared.Money;
import app.huberman.domain.subscription.BillingInterval;
import app.huberman.domain.subscription.Plan;
import app.huberman.domain.subscription.PlanId;
import app.huberman.domain.subscription.PlanSlug;
import app.huberman.domain.subscription.ProviderProductIds;
import java.util.List;

/** Rehydrates plans from their rows. Plans are written by migrations and operators only. */
final class PlanJpaMapper {

  private PlanJpaMapper() {}

  static Plan toDomain(PlanJpaEntity row) {
    return new Plan(
        PlanId.of(row.id),
        PlanSlug.of(row.slug),
        row.name,
        row.description,
        BillingInterval.valueOf(row.billingInterval.name()),
        Money.of(row.priceCents, row.currency),
        List.of(row.features),
        ProviderProductIds.of(row.stripePriceId, row.appleProductId, row.googleProductId),
        row.active,
        row.createdAt,
        row.updatedAt);
  }

  /** Fills a new row from a plan; used by tests and tools that seed plans. */
  static PlanJpaEntity toNewRow(Plan plan) {
    PlanJpaEntity row = new PlanJpaEntity();
    row.id = plan.id().value();
    row.slug = plan.slug().value();
    row.name = plan.name();
    row.description = plan.description();
    row.billingInterval = PlanJpaEntity.PlanInterval.valueOf(plan.interval().name());
    row.priceCents = plan.price().cents();
    row.currency = plan.price().currency();
    row.features = plan.features().toArray(String[]::new);
    row.stripePriceId = plan.productIds().stripePriceId().orElse(null);
    row.appleProductId = plan.productIds().appleProductId().orElse(null);
    row.googleProductId = plan.productIds().googleProductId().orElse(null);
    row.active = plan.active();
    row.createdAt = plan.createdAt();
    row.updatedAt = plan.updatedAt();
    return row;
  }
}
