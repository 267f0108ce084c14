package app.huberman.domain.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.domain.shared.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanTest {

  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

  private static Plan plan(
      String slug, BillingInterval interval, long cents, List<String> features) {
    return new Plan(
        PlanId.of(1),
        PlanSlug.of(slug),
        "Name",
        "Description",
        interval,
        Money.of(cents, "USD"),
        features,
        ProviderProductIds.NONE,
        true,
        CREATED,
        CREATED);
  }

  @Test
  void aPaidPlanIsPremiumAndTheFreePlanIsNot() {
    assertThat(plan("premium-monthly", BillingInterval.MONTH, 999, List.of()).isPremium()).isTrue();
    assertThat(plan("free", BillingInterval.NONE, 0, List.of()).isPremium()).isFalse();
  }

  @Test
  void aFreePlanHasNoBillingIntervalAndABilledPlanHasAPrice() {
    assertThatThrownBy(() -> plan("odd", BillingInterval.MONTH, 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> plan("odd", BillingInterval.NONE, 100, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void featuresCannotBeChangedFromOutside() {
    List<String> features = new ArrayList<>(List.of("protocols"));
    Plan plan = plan("premium-annual", BillingInterval.YEAR, 9999, features);

    features.add("smuggled");

    assertThat(plan.features()).containsExactly("protocols");
    assertThatThrownBy(() -> plan.features().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void refusesAnUpdateBeforeItsCreation() {
    assertThatThrownBy(
            () ->
                new Plan(
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
                    CREATED.minusSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void slugsAreLowerCaseWordsJoinedByHyphens() {
    assertThat(PlanSlug.of("premium-monthly").value()).isEqualTo("premium-monthly");
    for (String bad : List.of("", "Premium", "premium--monthly", "-free", "free-", "a b")) {
      assertThatThrownBy(() -> PlanSlug.of(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void blankProviderIdsCountAsAbsent() {
    ProviderProductIds ids = ProviderProductIds.of(" ", "com.huberman.premium.monthly", null);

    assertThat(ids.stripePriceId()).isEmpty();
    assertThat(ids.appleProductId()).contains("com.huberman.premium.monthly");
    assertThat(ids.googleProductId()).isEmpty();
  }
}
