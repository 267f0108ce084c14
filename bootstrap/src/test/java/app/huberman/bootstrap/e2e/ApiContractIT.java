package app.huberman.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.bootstrap.e2e.support.E2eDatabase;
import app.huberman.bootstrap.e2e.support.EchoResource;
import app.huberman.bootstrap.e2e.support.Eventually;
import app.huberman.bootstrap.e2e.support.HttpTestClient;
import app.huberman.bootstrap.e2e.support.HttpTestClient.Answer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.net.http.HttpRequest.BodyPublishers;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The WAR this build produced, deployed by Arquillian to Payara Micro, called over HTTP as a mobile
 * client would: the plans slice, health, metrics and the JSON error contract.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiContractIT {

  private static final int TWO_MIB = 2 * 1024 * 1024;
  private final HttpTestClient http =
      new HttpTestClient(Integer.parseInt(System.getProperty("e2e.http.port")));

  @Deployment(testable = false)
  static WebArchive builtWar() {
    return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("e2e.war")))
        .addClasses(EchoResource.class, EchoResource.Echo.class);
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    E2eDatabase.drop(System.getenv("DB_DATABASE"));
  }

  @Test
  void listsTheThreeSeededPlansWithEveryContractField() {
    Answer answer = http.get("/api/v1/plans");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    JsonArray plans = answer.json().asJsonArray();
    assertThat(plans.getValuesAs(JsonObject.class))
        .extracting(plan -> plan.getString("slug"))
        .containsExactly("free", "premium-monthly", "premium-annual");
    JsonObject monthly = plans.getJsonObject(1);
    assertThat(monthly.keySet())
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
    assertThat(monthly.getString("interval")).isEqualTo("month");
    assertThat(monthly.getInt("price_cents")).isPositive();
    assertThat(monthly.getBoolean("is_active")).isTrue();
    assertThat(monthly.getString("created_at")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(plans.getJsonObject(0).isNull("apple_product_id")).isTrue();
  }

  @Test
  void isReadyLiveAndStartedWithEveryDependencyUp() {
    // Deployed is not yet ready: on a loaded machine the first probes may still be on their way.
    Answer ready =
        Eventually.answer(
            Duration.ofSeconds(30),
            () -> http.get("/health/ready"),
            answer -> answer.status() == 200);

    assertThat(ready.status()).as(ready.body()).isEqualTo(200);
    JsonObject data =
        ready.jsonObject().getJsonArray("checks").getJsonObject(0).getJsonObject("data");
    assertThat(data.getString("schema")).isEqualTo("UP");
    assertThat(data.getString("database")).isEqualTo("UP");
    assertThat(data.getString("redis")).isEqualTo("UP");
    assertThat(http.get("/health/live").status()).isEqualTo(200);
    assertThat(http.get("/health/started").status()).isEqualTo(200);
  }

  @Test
  void countsAndTimesRequestsByRouteTemplateInPrometheusText() {
    http.get("/api/v1/plans");
    http.get("/api/v1/does-not-exist/12345");

    Answer metrics = http.get("/metrics");

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains(
            "http_server_requests_total{method=\"GET\",mp_scope=\"application\",route=\"/api/v1/plans\",status=\"2xx\"}")
        .contains("route=\"unmatched\",status=\"4xx\"")
        .contains("http_server_request_duration_seconds_bucket{")
        .doesNotContain("12345");
  }

  @Test
  void echoesTheClientsRequestIdAndMakesOneWhenThereIsNone() {
    Answer echoed = http.get("/api/v1/plans", Map.of("X-Request-Id", "client-req-42"));
    Answer generated = http.get("/api/v1/plans");
    Answer hostile = http.get("/api/v1/plans", Map.of("X-Request-Id", "bad id\"}"));

    assertThat(echoed.header("X-Request-Id")).isEqualTo("client-req-42");
    assertThat(generated.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    assertThat(hostile.header("X-Request-Id")).matches("[0-9a-f-]{36}");
  }

  @Test
  void answersUnknownRoutesWithJson404InsideAndOutsideTheApi() {
    for (String path : List.of("/api/v1/nothing-here", "/nothing-here", "/")) {
      Answer answer = http.get(path);

      assertThat(answer.status()).as(path).isEqualTo(404);
      assertJsonError(answer, "Not found.");
      assertThat(answer.header("X-Request-Id")).as(path).isNotBlank();
    }
  }

  @Test
  void answersAWrongMethodWithJson405AndTheAllowedMethods() {
    Answer answer = http.send("DELETE", "/api/v1/plans", null, BodyPublishers.noBody());

    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.header("Allow")).contains("GET");
    assertJsonError(answer, "Method not allowed.");
  }

  @Test
  void answersMalformedJsonAndWrongTypesWith400() {
    Answer malformed =
        http.send(
            "POST", "/api/v1/test-echo", "application/json", BodyPublishers.ofString("{\"text\":"));
    Answer wrongType =
        http.send(
            "POST",
            "/api/v1/test-echo",
            "application/json",
            BodyPublishers.ofString("{\"text\":\"a\",\"count\":\"many\"}"));
    Answer fine =
        http.send(
            "POST",
            "/api/v1/test-echo",
            "application/json",
            BodyPublishers.ofString("{\"text\":\"a\",\"count\":2}"));

    assertThat(malformed.status()).isEqualTo(400);
    assertJsonError(malformed, "The request body is not valid JSON or has the wrong types.");
    assertThat(wrongType.status()).isEqualTo(400);
    assertJsonError(wrongType, "The request body is not valid JSON or has the wrong types.");
    assertThat(fine.status()).isEqualTo(200);
    assertThat(fine.jsonObject().getInt("count")).isEqualTo(2);
  }

  @Test
  void answersANonJsonBodyWith415() {
    Answer answer =
        http.send("POST", "/api/v1/test-echo", "text/plain", BodyPublishers.ofString("hello"));

    assertThat(answer.status()).isEqualTo(415);
    assertJsonError(answer, "Send the request body as application/json.");
  }

  @Test
  void answersABodyOverOneMebibyteWith413WhetherItsLengthIsDeclaredOrNot() {
    byte[] big = new byte[TWO_MIB];
    Arrays.fill(big, (byte) ' ');

    Answer declared =
        http.send("POST", "/api/v1/test-echo", "application/json", BodyPublishers.ofByteArray(big));
    Answer chunked =
        http.send(
            "POST",
            "/api/v1/test-echo",
            "application/json",
            BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));

    assertThat(declared.status()).isEqualTo(413);
    assertJsonError(declared, "The request body is larger than 1 MiB.");
    assertThat(chunked.status()).isEqualTo(413);
    assertJsonError(chunked, "The request body is larger than 1 MiB.");
  }

  @Test
  void answersAnUnexpectedFailureWith500AndNoInternals() {
    Answer answer = http.send("POST", "/api/v1/test-echo/fail", null, BodyPublishers.noBody());

    assertThat(answer.status()).isEqualTo(500);
    assertJsonError(answer, "Internal server error.");
    assertThat(answer.body()).doesNotContain("hunter2").doesNotContain("Exception");
  }

  /** Webhooks are served by a plain servlet, outside JAX-RS: the same contract holds there. */
  @Test
  void webhookEndpointsAnswerTheSameJsonErrorsAndAreCountedByRoute() {
    String stripe = "/api/v1/webhooks/stripe";
    byte[] big = new byte[TWO_MIB];
    Arrays.fill(big, (byte) ' ');

    Answer wrongMethod = http.get(stripe);
    Answer notJson = http.send("POST", stripe, "text/plain", BodyPublishers.ofString("{}"));
    Answer declaredTooBig =
        http.send("POST", stripe, "application/json", BodyPublishers.ofByteArray(big));
    Answer chunkedTooBig =
        http.send(
            "POST",
            stripe,
            "application/json",
            BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
    Answer unsigned =
        http.send("POST", stripe, "application/json; charset=utf-8", BodyPublishers.ofString("{}"));
    Answer unknownProvider =
        http.send(
            "POST", "/api/v1/webhooks/paypal", "application/json", BodyPublishers.ofString("{}"));

    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.header("Allow")).isEqualTo("POST");
    assertJsonError(wrongMethod, "Method not allowed.");
    assertThat(notJson.status()).isEqualTo(415);
    assertJsonError(notJson, "Send the request body as application/json.");
    for (Answer tooBig : List.of(declaredTooBig, chunkedTooBig)) {
      assertThat(tooBig.status()).isEqualTo(413);
      assertJsonError(tooBig, "The request body is larger than 1 MiB.");
    }
    assertThat(unsigned.status()).isEqualTo(400);
    assertThat(unsigned.jsonObject().getString("message")).startsWith("Invalid webhook: ");
    assertThat(unsigned.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    assertThat(unknownProvider.status()).isEqualTo(404);
    assertJsonError(unknownProvider, "Not found.");
    assertThat(http.get("/metrics").body())
        .contains(
            "http_server_requests_total{method=\"POST\",mp_scope=\"application\",route=\"/api/v1/webhooks/stripe\",status=\"4xx\"}")
        .contains(
            "http_server_requests_total{method=\"GET\",mp_scope=\"application\",route=\"/api/v1/webhooks/stripe\",status=\"4xx\"}")
        .contains("route=\"/api/v1/webhooks/stripe\",status=\"4xx\",le=");
  }

  @Test
  void answersTheTrivialPingEndpoint() {
    Answer answer = http.get("/api/v1/ping");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.jsonObject().getString("status")).isEqualTo("ok");
  }

  private static void assertJsonError(Answer answer, String message) {
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    JsonObject body = answer.jsonObject();
    assertThat(body.getString("message")).isEqualTo(message);
    assertThat(body.keySet()).containsExactly("message");
  }
}
