package app.huberman.adapters.payments.stripe;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stripe's API on a local WireMock server, answering as Stripe does: the objects it creates, its
 * {@code error} object with a {@code Request-Id} header, and the headers that steer retries.
 */
public final class FakeStripe implements AutoCloseable {

  public static final String SECRET_KEY = "sk_test_fake_0123456789abcdef";
  public static final String CUSTOMERS = "/v1/customers";
  public static final String CHECKOUT_SESSIONS = "/v1/checkout/sessions";
  public static final String PORTAL_SESSIONS = "/v1/billing_portal/sessions";
  public static final String SESSION = "cs_test_fake_1";
  public static final String SESSION_URL = "https://checkout.stripe.com/c/pay/" + SESSION;
  public static final long SESSION_EXPIRES_AT = 1_900_000_000L;
  public static final String PORTAL_URL = "https://billing.stripe.com/p/session/test_fake_1";

  private final WireMockServer server = new WireMockServer(options().dynamicPort());

  public FakeStripe() {
    server.start();
    reset();
  }

  public URI baseUrl() {
    return URI.create(server.baseUrl());
  }

  /** Forgets requests and answers, then creates customers and sessions again. */
  public void reset() {
    server.resetAll();
    // As Stripe does: the same idempotency key, the same customer; another key, another one.
    answer(
        CUSTOMERS,
        okJson("{\"id\":\"cus_{{request.headers.Idempotency-Key}}\",\"object\":\"customer\"}")
            .withTransformers("response-template"));
    answer(
        CHECKOUT_SESSIONS,
        okJson(
            """
            {"id":"%s","object":"checkout.session","mode":"subscription","url":"%s","expires_at":%d}"""
                .formatted(SESSION, SESSION_URL, SESSION_EXPIRES_AT)));
    answer(
        PORTAL_SESSIONS,
        okJson(
            "{\"id\":\"bps_fake_1\",\"object\":\"billing_portal.session\",\"url\":\"%s\"}"
                .formatted(PORTAL_URL)));
  }

  /** From now on, POSTs to {@code path} get this answer. */
  public void answer(String path, ResponseDefinitionBuilder answer) {
    server.stubFor(post(urlPathEqualTo(path)).willReturn(answer));
  }

  /** The id of the customer this fake creates under an idempotency key. */
  public static String customerFor(String idempotencyKey) {
    return "cus_" + idempotencyKey;
  }

  /** The next POST to {@code path} gets {@code failure}; later ones the usual answer again. */
  public void failNext(String path, ResponseDefinitionBuilder failure) {
    String scenario = "fail next " + path + " " + server.getStubMappings().size();
    server.stubFor(
        post(urlPathEqualTo(path))
            .inScenario(scenario)
            .whenScenarioStateIs(STARTED)
            .willReturn(failure)
            .willSetStateTo("failed")
            .atPriority(1));
  }

  /** Stripe's error answer: its {@code error} object and a request id. */
  public static ResponseDefinitionBuilder error(
      int status, String type, String code, String param, String message) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withHeader("Request-Id", "req_fake_" + status)
        .withBody(
            """
            {"error":{"type":"%s","code":"%s","param":"%s","message":"%s",\
            "request_log_url":"https://dashboard.stripe.com/test/logs/req_fake"}}"""
                .formatted(type, code, param, message));
  }

  /** {@code resource_missing} on the {@code customer} parameter: deleted in the dashboard. */
  public static ResponseDefinitionBuilder noSuchCustomer(String customer) {
    return error(
        400,
        "invalid_request_error",
        "resource_missing",
        "customer",
        "No such customer: '" + customer + "'");
  }

  public List<LoggedRequest> requests(String path) {
    return server.getAllServeEvents().stream()
        .map(event -> event.getRequest())
        .filter(request -> request.getUrl().equals(path))
        .sorted((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()))
        .toList();
  }

  /** A request's form parameters, decoded, in order. */
  public static Map<String, String> form(LoggedRequest request) {
    Map<String, String> form = new LinkedHashMap<>();
    String body = request.getBodyAsString();
    if (body.isEmpty()) {
      return form;
    }
    for (String pair : body.split("&")) {
      int equals = pair.indexOf('=');
      form.put(
          URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return form;
  }

  @Override
  public void close() {
    server.stop();
  }
}
