package app.huberman.domain.subscription;

import app.huberman.domain.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Something a user can subscribe to. Plans are reference data, seeded by a migration and changed by
 * operators, so the domain only guards their shape.
 *
 * @param features the feature keys the plan unlocks, in display order
 * @param active whether the plan is offered to new subscribers
 */
public record Plan(
    PlanId id,
    PlanSlug slug,
    String name,
    String description,
    BillingInterval interval,
    Money price,
    List<String> features,
    ProviderProductIds productIds,
    boolean active,
    Instant createdAt,
    Instant updatedAt) {

  public Plan {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(productIds, "productIds");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    if (name.isBlank()) {
      throw new IllegalArgumentException("A plan needs a name");
    }
    features = List.copyOf(features);
    if (price.isZero() != (interval == BillingInterval.NONE)) {
      throw new IllegalArgumentException(
          "Plan " + slug.value() + ": only an unbilled plan may be free, and it has no interval");
    }
    if (updatedAt.isBefore(createdAt)) {
      throw new IllegalArgumentException(
          "Plan " + slug.value() + " was updated before it was created");
    }
  }

  /** A premium plan unlocks paid features; the free plan does not. */
  public boolean isPremium() {
    return !price.isZero();
  }
}
