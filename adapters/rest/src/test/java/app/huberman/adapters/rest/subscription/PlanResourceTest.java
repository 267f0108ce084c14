package app.huberman.adapters.rest.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.rest.common.ResourceServer;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PlanResource} over HTTP: public, cacheable for five minutes, and revalidated by tag. */
class PlanResourceTest {

  @AutoClose private ResourceServer server;

  @BeforeEach
  void start() {
    server = ResourceServer.serving(new PlanResource(() -> List.of(PlanFixtures.free())));
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
}
