package app.huberman.bootstrap.e2e.support;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.bootstrap.e2e.support.Contract.Check;
import app.huberman.bootstrap.e2e.support.Contract.Exchange;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract check itself: what it lets through and what it fails a test for. */
class ContractTest {

  private static final String USER =
      "{\"id\":1,\"uuid\":\"0b0c2f4e-8a51-4c1c-9d8e-2f6f0c1d2e3a\",\"name\":\"Jane\","
          + "\"email\":\"jane@example.com\",\"email_verified_at\":null,"
          + "\"created_at\":\"2026-12-06T10:00:00Z\",\"updated_at\":\"2026-12-06T10:00:00Z\"}";
  private static final Map<String, List<String>> JSON =
      Map.of("Content-Type", List.of("application/json"));

  private final Contract contract = Contract.get();

  @Test
  void passesAnAnswerThatMatchesItsSchema() {
    assertThatCode(() -> check("GET", "/api/v1/user/profile", 200, JSON, USER))
        .doesNotThrowAnyException();
  }

  @Test
  void failsARenamedField() {
    assertThatThrownBy(
            () ->
                check(
                    "GET", "/api/v1/user/profile", 200, JSON, USER.replace("\"name\"", "\"nom\"")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("GET /api/v1/user/profile -> 200")
        .hasMessageContaining("nom")
        .hasMessageContaining("name");
  }

  @Test
  void failsAWrongFormat() {
    assertThatThrownBy(
            () ->
                check(
                    "GET",
                    "/api/v1/user/profile",
                    200,
                    JSON,
                    USER.replace("2026-12-06T10:00:00Z\",\"updated", "yesterday\",\"updated")))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("created_at");
  }

  @Test
  void failsAnUndeclaredStatus() {
    assertThatThrownBy(
            () -> check("GET", "/api/v1/plans", 418, JSON, "{\"message\":\"I'm a teapot.\"}"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("status 418 is not declared");
  }

  @Test
  void failsA429WithoutRetryAfterAndA401WithoutWwwAuthenticate() {
    String error = "{\"message\":\"No.\"}";

    assertThatThrownBy(() -> check("POST", "/api/v1/login", 429, JSON, error))
        .hasMessageContaining("Retry-After");
    assertThatThrownBy(() -> check("GET", "/api/v1/user/profile", 401, JSON, error))
        .hasMessageContaining("WWW-Authenticate");
  }

  @Test
  void failsA2xxToARequestTheContractRefuses() {
    Exchange accepted =
        new Exchange(
            "POST",
            "/api/v1/login",
            "application/json",
            "{\"email\":\"not an email\",\"password\":\"x\"}".getBytes(StandardCharsets.UTF_8),
            200,
            JSON,
            "{\"user\":" + USER + ",\"token\":\"1|abc\"}");

    assertThatThrownBy(() -> contract.check(accepted, Check.DECLARED_STATUSES))
        .hasMessageContaining("a request the contract refuses was accepted");
  }

  @Test
  void takesAnEmailAsAnRfc5321MailboxWhateverItsTopLevelDomain() {
    Exchange accepted =
        new Exchange(
            "POST",
            "/api/v1/forgot-password",
            "application/json",
            "{\"email\":\"jane@huberman.test\"}".getBytes(StandardCharsets.UTF_8),
            200,
            Map.of(
                "Content-Type", List.of("application/json"),
                "X-RateLimit-Limit", List.of("5"),
                "X-RateLimit-Remaining", List.of("4")),
            "{\"message\":\"Sent.\"}");

    assertThatCode(() -> contract.check(accepted, Check.DECLARED_STATUSES))
        .doesNotThrowAnyException();
  }

  @Test
  void letsUndocumentedPathsOnlyAnswer404Or405WithTheErrorSchema() {
    String notFound = "{\"message\":\"Not found.\"}";

    assertThatCode(() -> check("GET", "/api/v1/nothing-here", 404, JSON, notFound))
        .doesNotThrowAnyException();
    assertThatCode(() -> check("DELETE", "/api/v1/plans", 405, JSON, notFound))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> check("GET", "/api/v1/nothing-here", 200, JSON, notFound))
        .hasMessageContaining("only 404 or 405");
  }

  @Test
  void acceptsAnyClientErrorWithTheErrorSchemaOnlyForGarbage() {
    Exchange garbage =
        new Exchange("GET", "/api/v1/plans", null, null, 400, JSON, "{\"message\":\"Bad.\"}");

    assertThatCode(() -> contract.check(garbage, Check.ANY_CLIENT_ERROR))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> contract.check(garbage, Check.DECLARED_STATUSES))
        .hasMessageContaining("status 400 is not declared");
  }

  @Test
  void prefersALiteralSegmentToAPathParameter() {
    assertThatCode(
            () ->
                check(
                    "POST",
                    "/api/v1/admin/failed-jobs/retry-all",
                    200,
                    JSON,
                    "{\"message\":\"Queued.\",\"retried\":0}"))
        .doesNotThrowAnyException();
  }

  private void check(
      String method, String path, int status, Map<String, List<String>> headers, String body) {
    contract.check(
        new Exchange(method, path, null, null, status, headers, body), Check.DECLARED_STATUSES);
  }
}
