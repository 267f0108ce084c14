package app.huberman.adapters.rest.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.rest.common.ResourceServer;
import app.huberman.domain.subscription.Plan;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PlanResource} over HTTP: public, cacheable for five minutes, and revalidated by tag. */
class PlanResourceTest {

  /** What the use case answers: the same list while the catalogue is unchanged. */
  private final AtomicReference<List<Plan>> catalogue =
      new AtomicReference<>(List.of(PlanFixtures.free()));

  @AutoClose private ResourceServer server;

  @BeforeEach
  void start() {
    server = ResourceServer.serving(new PlanResource(catalogue::get));
  }

  @Test
  void anyoneGetsThePlansWithATagAndFiveMinutesOfCaching() {
    HttpResponse<String> answer = server.send("GET", "v1/plans", null);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Cache-Control")).hasValue("max-age=300");
    assertThat(answer.headers().firstValue("ETag")).isPresent();
    assertThat(answer.body()).startsWith("[{").contains("\"slug\":\"free\"");
  }

  @Test
  void theSameTagIsAnswered304WithoutABodyAndAnotherGetsThePlans() {
    String tag = server.send("GET", "v1/plans", null).headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> same = server.send("GET", "v1/plans", null, "If-None-Match", tag);
    HttpResponse<String> other =
        server.send("GET", "v1/plans", null, "If-None-Match", "\"something-else\"");

    assertThat(same.statusCode()).isEqualTo(304);
    assertThat(same.body()).isEmpty();
    assertThat(same.headers().firstValue("ETag")).hasValue(tag);
    assertThat(other.statusCode()).isEqualTo(200);
  }

  @Test
  void aChangedCatalogueIsAnsweredInFullWithANewTagEvenToTheOldTag() {
    String tag = server.send("GET", "v1/plans", null).headers().firstValue("ETag").orElseThrow();
    Plan free = PlanFixtures.free();
    catalogue.set(
        List.of(
            new Plan(
                free.id(),
                free.slug(),
                "Free forever",
                free.description(),
                free.interval(),
                free.price(),
                free.features(),
                free.productIds(),
                free.active(),
                free.createdAt(),
                free.updatedAt())));

    HttpResponse<String> changed = server.send("GET", "v1/plans", null, "If-None-Match", tag);

    assertThat(changed.statusCode()).isEqualTo(200);
    assertThat(changed.body()).contains("\"name\":\"Free forever\"");
    assertThat(changed.headers().firstValue("ETag")).isPresent().get().isNotEqualTo(tag);
  }

  @Test
  void theJsonIsTheApisSnakeCaseWithNullsWrittenOut() {
    HttpResponse<String> answer = server.send("GET", "v1/plans", null);

    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    assertThat(answer.body())
        .contains("\"price_cents\":0", "\"stripe_price_id\":null", "\"is_active\":true")
        .contains("\"created_at\":\"2026-01-01T00:00:00Z");
  }
}
