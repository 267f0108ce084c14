package app.huberman.adapters.push.fcm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.util.List;

/**
 * FCM's HTTP v1 send endpoint, played by WireMock: it accepts every push, unless a test scripted
 * refusals for a token, with FCM's error shapes.
 */
public final class FakeFcm implements AutoCloseable {

  public static final String PROJECT = "huberman-tests";
  public static final String SEND_PATH = "/v1/projects/" + PROJECT + "/messages:send";

  private final WireMockServer server = new WireMockServer(options().dynamicPort());

  private FakeFcm() {
    server.start();
    reset();
  }

  public static FakeFcm start() {
    return new FakeFcm();
  }

  /** Forgets requests and scripts; accepts every push again. */
  public void reset() {
    server.resetAll();
    server.stubFor(
        post(urlPathEqualTo(SEND_PATH))
            .atPriority(10)
            .willReturn(okJson("{\"name\":\"projects/" + PROJECT + "/messages/0:1\"}")));
  }

  public URI baseUrl() {
    return URI.create(server.baseUrl());
  }

  public FcmSettings settings() {
    return new FcmSettings(PROJECT, baseUrl());
  }

  /** Every push to this token: 404 {@code UNREGISTERED}, as for an app removed from the device. */
  public void unregister(String token) {
    server.stubFor(
        post(urlPathEqualTo(SEND_PATH))
            .atPriority(1)
            .withRequestBody(matchingJsonPath("$.message.token", equalTo(token)))
            .willReturn(error(404, "NOT_FOUND", "UNREGISTERED")));
  }

  /** The first pushes to this token get these answers, one each, then pushes are accepted again. */
  public void answerFirst(String token, ResponseDefinitionBuilder... answers) {
    String scenario = "token " + token;
    String state = Scenario.STARTED;
    for (int i = 0; i < answers.length; i++) {
      String next = "after " + (i + 1);
      server.stubFor(
          post(urlPathEqualTo(SEND_PATH))
              .atPriority(1)
              .withRequestBody(matchingJsonPath("$.message.token", equalTo(token)))
              .inScenario(scenario)
              .whenScenarioStateIs(state)
              .willReturn(answers[i])
              .willSetStateTo(next));
      state = next;
    }
  }

  /** FCM's error answer: HTTP status, the API's status, and FCM's error code. */
  public static ResponseDefinitionBuilder error(int status, String apiStatus, String errorCode) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=UTF-8")
        .withBody(
            """
            {"error":{"code":%d,"message":"test","status":"%s","details":[\
            {"@type":"type.googleapis.com/google.firebase.fcm.v1.FcmError","errorCode":"%s"}]}}"""
                .formatted(status, apiStatus, errorCode));
  }

  /** 429 {@code QUOTA_EXCEEDED}, asking to wait this many seconds. */
  public static ResponseDefinitionBuilder throttled(int retryAfterSeconds) {
    return error(429, "RESOURCE_EXHAUSTED", "QUOTA_EXCEEDED")
        .withHeader("Retry-After", Integer.toString(retryAfterSeconds));
  }

  /** The pushes that reached the endpoint, accepted or not, oldest first. */
  public List<LoggedRequest> pushes() {
    return server.findAll(postRequestedFor(urlPathEqualTo(SEND_PATH)));
  }

  /** The pushes to this token, accepted or not. */
  public List<LoggedRequest> pushesTo(String token) {
    return server.findAll(
        postRequestedFor(urlPathEqualTo(SEND_PATH))
            .withRequestBody(matchingJsonPath("$.message.token", equalTo(token))));
  }

  @Override
  public void close() {
    server.stop();
  }
}
