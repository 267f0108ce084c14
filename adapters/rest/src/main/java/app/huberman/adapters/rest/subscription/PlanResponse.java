package app.huberman.adapters.rest.subscription;

import app.huberman.domain.subscription.Plan;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** A plan as the API shows it (the contract's Plan). */
public record PlanResponse(
    long id,
    String slug,
    String name,
    String description,
    String interval,
    long priceCents,
    String currency,
    List<String> features,
    String stripePriceId,
    String appleProductId,
    String googleProductId,
    boolean isActive,
    Instant createdAt,
    Instant updatedAt) {

  static PlanResponse from(Plan plan) {
    return new PlanResponse(
        plan.id().value(),
        plan.slug().value(),
        plan.name(),
        plan.description(),
        plan.interval().name().toLowerCase(Locale.ROOT),
        plan.price().cents(),
        plan.price().currency(),
        plan.features(),
        plan.productIds().stripePriceId().orElse(null),
        plan.productIds().appleProductId().orElse(null),
        plan.productIds().googleProductId().orElse(null),
        plan.active(),
        plan.createdAt(),
        plan.updatedAt());
  }
}
