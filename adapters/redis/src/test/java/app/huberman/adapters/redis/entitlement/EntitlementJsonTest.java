package app.huberman.adapters.redis.entitlement;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.domain.subscription.Entitlement;
import app.huberman.domain.subscription.PlanSlug;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EntitlementJsonTest {

  private static final Entitlement PREMIUM =
      new Entitlement(
          true,
          PlanSlug.of("premium-monthly"),
          List.of("full_protocol_library", "ad_free"),
          Optional.of(Instant.parse("2026-04-01T00:00:00.123456Z")));

  @Test
  void writesAStableReadableForm() {
    assertThat(EntitlementJson.write(PREMIUM))
        .isEqualTo(
            "{\"v\":1,\"premium\":true,\"plan\":\"premium-monthly\","
                + "\"features\":[\"full_protocol_library\",\"ad_free\"],"
                + "\"expires_at\":\"2026-04-01T00:00:00.123456Z\"}");
  }

  @Test
  void leavesOutAnExpiryThereIsNot() {
    Entitlement free =
        new Entitlement(false, PlanSlug.FREE, List.of("episode_summaries"), Optional.empty());

    assertThat(EntitlementJson.write(free))
        .isEqualTo(
            "{\"v\":1,\"premium\":false,\"plan\":\"free\",\"features\":[\"episode_summaries\"]}");
    assertThat(EntitlementJson.read(EntitlementJson.write(free))).contains(free);
  }

  @Test
  void readsBackWhatItWrote() {
    assertThat(EntitlementJson.read(EntitlementJson.write(PREMIUM))).contains(PREMIUM);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "[1]",
        "{}",
        "{\"v\":2,\"premium\":true,\"plan\":\"free\",\"features\":[]}",
        "{\"v\":1,\"premium\":\"yes\",\"plan\":\"free\",\"features\":[]}",
        "{\"v\":1,\"premium\":true,\"features\":[]}",
        "{\"v\":1,\"premium\":true,\"plan\":\"Not A Slug\",\"features\":[]}",
        "{\"v\":1,\"premium\":true,\"plan\":\"free\",\"features\":[1]}",
        "{\"v\":1,\"premium\":true,\"plan\":\"free\",\"features\":[],\"expires_at\":\"soon\"}"
      })
  void readsAnythingElseAsAMiss(String stored) {
    assertThat(EntitlementJson.read(stored)).isEmpty();
  }
}
