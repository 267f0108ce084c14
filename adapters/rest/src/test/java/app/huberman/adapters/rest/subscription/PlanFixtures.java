package app.huberman.adapters.rest.subscription;

import app.huberman.domain.shared.Money;
import app.huberman.domain.subscription.BillingInterval;
import app.huberman.domain.subscription.Plan;
import app.huberman.domain.subscription.PlanId;
import app.huberman.domain.subscription.PlanSlug;
import app.huberman.domain.subscription.ProviderProductIds;
import java.time.Instant;
import java.util.List;

/** Plans for the response tests. */
final class PlanFixtures {

  static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

  private PlanFixtures() {}

  /** The free plan: no price, no interval, no provider product. */
  static Plan free() {
    return new Plan(
        PlanId.of(1),
        PlanSlug.FREE,
        "Free",
        "",
        BillingInterval.NONE,
        Money.of(0, "USD"),
        List.of(),
        ProviderProductIds.NONE,
        true,
        CREATED,
        CREATED);
  }
}
