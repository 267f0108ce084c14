package app.huberman.adapters.payments.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import app.huberman.application.subscription.port.in.WebhookRequest;
import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Google's endpoints on a local WireMock server: the JWKS, the OAuth token endpoint and the Play
 * Developer API's {@code subscriptionsv2}, answering with {@link GoogleTestKeys}' keys.
 */
final class FakeGoogle implements AutoCloseable {

  static final String PACKAGE = "app.huberman.android";
  static final String AUDIENCE = "https://api.huberman.app/api/v1/webhooks/google";
  static final String PUSH_ACCOUNT = "pubsub-push@huberman-tests.iam.gserviceaccount.com";
  static final String PLAY_ACCOUNT = "play-api@huberman-tests.iam.gserviceaccount.com";
  static final String JWKS_PATH = "/oauth2/v3/certs";
  static final String TOKEN_PATH = "/token";
  static final String ACCESS_TOKEN = "ya29.test-access-token";

  final WireMockServer server = new WireMockServer(options().dynamicPort());
  final GoogleTestKeys keys;

  FakeGoogle(GoogleTestKeys keys) {
    this.keys = keys;
    server.start();
    reset();
  }

  /** Forgets requests and stubs, then serves the JWKS and access tokens again. */
  void reset() {
    server.resetAll();
    server.stubFor(get(urlPathEqualTo(JWKS_PATH)).willReturn(okJson(keys.jwksJson())));
    server.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .willReturn(
                okJson(
                    """
                    {"access_token":"%s","expires_in":3599,"token_type":"Bearer"}"""
                        .formatted(ACCESS_TOKEN))));
  }

  static String purchasePath(String purchaseToken) {
    return "/androidpublisher/v3/applications/"
        + PACKAGE
        + "/purchases/subscriptionsv2/tokens/"
        + purchaseToken;
  }

  void stubPurchase(String purchaseToken, String json) {
    server.stubFor(get(urlPathEqualTo(purchasePath(purchaseToken))).willReturn(okJson(json)));
  }

  void stubPurchaseStatus(String purchaseToken, int status) {
    server.stubFor(
        get(urlPathEqualTo(purchasePath(purchaseToken)))
            .willReturn(aResponse().withStatus(status).withBody("{\"error\":{}}")));
  }

  /** A push as Pub/Sub delivers it, with a valid token issued at {@code now}. */
  WebhookRequest push(String messageId, JsonObject developerNotification, Instant now) {
    return new WebhookRequest(
        GoogleTestKeys.pushBody(messageId, developerNotification).getBytes(StandardCharsets.UTF_8),
        Map.of(
            "Authorization",
            List.of(
                "Bearer " + keys.pushToken(keys.pushClaims(AUDIENCE, PUSH_ACCOUNT, now).build())),
            "Content-Type",
            List.of("application/json")));
  }

  URI url(String path) {
    return URI.create(server.baseUrl() + path);
  }

  /** Settings pointing everything at this fake. */
  GoogleSettings settings(Path keyDirectory) {
    return new GoogleSettings(
        Optional.of(PACKAGE),
        Optional.of(AUDIENCE),
        Optional.of(PUSH_ACCOUNT),
        url(JWKS_PATH),
        URI.create(server.baseUrl()),
        Optional.of(
            GoogleServiceAccount.load(
                keys.writeServiceAccountKey(
                    keyDirectory, PLAY_ACCOUNT, url(TOKEN_PATH).toString()))));
  }

  @Override
  public void close() {
    server.stop();
  }
}
