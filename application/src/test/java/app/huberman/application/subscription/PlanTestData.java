package app.huberman.application.subscription;

import app.huberman.domain.shared.Money;
import app.huberman.domain.subscription.BillingInterval;
import app.huberman.domain.subscription.Plan;
import app.huberman.domain.subscription.PlanId;
import app.huberman.domain.subscription.PlanSlug;
import app.huberman.domain.subscription.ProviderProductIds;
import java.time.Instant;
import java.util.List;

/** Builds plans for tests: start from a named plan and change what the test is about. */
public final class PlanTestData {

  public static final Instant SEEDED_AT = Instant.parse("2026-01-01T00:00:00Z");

  private long id = 1;
  private String slug = "premium-monthly";
  private String name = "Premium Monthly";
  private String description = "All protocols and tools, billed monthly.";
  private BillingInterval interval = BillingInterval.MONTH;
  private long cents = 999;
  private List<String> features = List.of("protocol_library", "episode_notes");
  private ProviderProductIds productIds =
      ProviderProductIds.of(
          "price_test_monthly", "app.huberman.premium.monthly", "premium_monthly");
  private boolean active = true;

  private PlanTestData() {}

  public static PlanTestData aPremiumMonthlyPlan() {
    return new PlanTestData();
  }

  public static PlanTestData aFreePlan() {
    PlanTestData plan = new PlanTestData();
    plan.slug = "free";
    plan.name = "Free";
    plan.description = "Episode guides and basic tools.";
    plan.interval = BillingInterval.NONE;
    plan.cents = 0;
    plan.features = List.of("episode_notes");
    plan.productIds = ProviderProductIds.NONE;
    return plan;
  }

  public PlanTestData withId(long id) {
    this.id = id;
    return this;
  }

  /** Also gives the plan provider product ids of its own, as they are unique per provider. */
  public PlanTestData withSlug(String slug) {
    this.slug = slug;
    if (!productIds.equals(ProviderProductIds.NONE)) {
      String key = slug.replace('-', '_');
      this.productIds = ProviderProductIds.of("price_" + key, "app.huberman." + key, key);
    }
    return this;
  }

  public PlanTestData withPriceCents(long cents) {
    this.cents = cents;
    return this;
  }

  public PlanTestData inactive() {
    this.active = false;
    return this;
  }

  public Plan build() {
    return new Plan(
        PlanId.of(id),
        PlanSlug.of(slug),
        name,
        description,
        interval,
        Money.of(cents, "USD"),
        features,
        productIds,
        active,
        SEEDED_AT,
        SEEDED_AT);
  }
}
