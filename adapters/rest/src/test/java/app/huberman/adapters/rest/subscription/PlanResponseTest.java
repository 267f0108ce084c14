package app.huberman.adapters.rest.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.rest.common.JsonTestSupport;
import app.huberman.domain.shared.Money;
import app.huberman.domain.subscription.BillingInterval;
import app.huberman.domain.subscription.Plan;
import app.huberman.domain.subscription.PlanId;
import app.huberman.domain.subscription.PlanSlug;
import app.huberman.domain.subscription.ProviderProductIds;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanResponseTest {

  private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant UPDATED = Instant.parse("2026-02-03T04:05:06Z");

  @Test
  void showsEveryFieldOfTheContractInSnakeCase() {
    Plan plan =
        new Plan(
            PlanId.of(2),
            PlanSlug.of("premium-monthly"),
            "Premium Monthly",
            "Everything, monthly.",
            BillingInterval.MONTH,
            Money.of(999, "USD"),
            List.of("full_protocol_library"),
            ProviderProductIds.of("price_1", "app.huberman.premium.monthly", "premium_monthly"),
            true,
            CREATED,
            UPDATED);

    JsonObject json = JsonTestSupport.toJsonObject(PlanResponse.from(plan));

    assertThat(json.keySet())
        .containsExactlyInAnyOrder(
            "id",
            "slug",
            "name",
            "description",
            "interval",
            "price_cents",
            "currency",
            "features",
            "stripe_price_id",
            "apple_product_id",
            "google_product_id",
            "is_active",
            "created_at",
            "updated_at");
    assertThat(json.getJsonNumber("id").longValue()).isEqualTo(2);
    assertThat(json.getString("interval")).isEqualTo("month");
    assertThat(json.getJsonNumber("price_cents").longValue()).isEqualTo(999);
    assertThat(json.getBoolean("is_active")).isTrue();
    assertThat(json.getString("created_at")).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(json.getString("updated_at")).isEqualTo("2026-02-03T04:05:06Z");
    assertThat(json.getJsonArray("features").getString(0)).isEqualTo("full_protocol_library");
  }

  @Test
  void writesAbsentProviderIdsAsNull() {
    JsonObject json = JsonTestSupport.toJsonObject(PlanResponse.from(PlanFixtures.free()));

    assertThat(json.isNull("stripe_price_id")).isTrue();
    assertThat(json.isNull("apple_product_id")).isTrue();
    assertThat(json.isNull("google_product_id")).isTrue();
    assertThat(json.getString("interval")).isEqualTo("none");
  }
}
