package app.huberman.bootstrap.e2e.support;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import app.huberman.adapters.payments.apple.AppleTestCa;
import app.huberman.adapters.payments.google.GoogleTestKeys;
import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The stores as the runnable meets them in end-to-end tests: an App Store test CA the test signs
 * with, and Google (Pub/Sub signing keys, the OAuth token endpoint and the Play Developer API)
 * served by a local WireMock.
 */
public final class StoreFakes implements AutoCloseable {

  public static final String BUNDLE = "app.huberman.ios";
  public static final String PACKAGE = "app.huberman.android";
  public static final String AUDIENCE = "https://api.huberman.test/api/v1/webhooks/google";
  public static final String PUSH_ACCOUNT = "pubsub-push@huberman-e2e.iam.gserviceaccount.com";
  private static final String PLAY_ACCOUNT = "play-api@huberman-e2e.iam.gserviceaccount.com";

  private final AppleTestCa apple = AppleTestCa.issue();
  private final GoogleTestKeys googleKeys = GoogleTestKeys.generate();
  private final WireMockServer google = new WireMockServer(options().dynamicPort());

  private StoreFakes() {}

  /** Starts Google's fake with its keys and token endpoint. */
  public static StoreFakes start() {
    StoreFakes fakes = new StoreFakes();
    fakes.google.start();
    fakes.google.stubFor(
        get(urlPathEqualTo("/oauth2/v3/certs")).willReturn(okJson(fakes.googleKeys.jwksJson())));
    fakes.google.stubFor(
        post(urlPathEqualTo("/token"))
            .willReturn(
                okJson(
                    "{\"access_token\":\"ya29.e2e\",\"expires_in\":3599,\"token_type\":\"Bearer\"}")));
    return fakes;
  }

  /** The App Store and Google Play settings that point the runnable at these fakes. */
  public Map<String, String> settings(Path work) {
    return Map.of(
        "APPLE_BUNDLE_ID",
        BUNDLE,
        "APPLE_ROOT_CA_PEM",
        apple.writeRootPem(work).toString(),
        "GOOGLE_PACKAGE_NAME",
        PACKAGE,
        "GOOGLE_PUBSUB_AUDIENCE",
        AUDIENCE,
        "GOOGLE_PUBSUB_SERVICE_ACCOUNT",
        PUSH_ACCOUNT,
        "GOOGLE_JWKS_URL",
        google.baseUrl() + "/oauth2/v3/certs",
        "GOOGLE_PLAY_API_URL",
        google.baseUrl(),
        "GOOGLE_SERVICE_ACCOUNT_KEY",
        googleKeys
            .writeServiceAccountKey(work, PLAY_ACCOUNT, google.baseUrl() + "/token")
            .toString());
  }

  public AppleTestCa apple() {
    return apple;
  }

  public GoogleTestKeys googleKeys() {
    return googleKeys;
  }

  public WireMockServer google() {
    return google;
  }

  /** The Play Developer API answers {@code purchase} for this token. */
  public void stubPlay(String token, JsonObject purchase) {
    google.stubFor(
        get(urlPathEqualTo(
                "/androidpublisher/v3/applications/"
                    + PACKAGE
                    + "/purchases/subscriptionsv2/tokens/"
                    + token))
            .willReturn(okJson(purchase.toString())));
  }

  /** The {@code Authorization} header of a Pub/Sub push issued at {@code now}. */
  public Map<String, String> pushAuthorization(Instant now) {
    return Map.of(
        "Authorization",
        "Bearer "
            + googleKeys.pushToken(googleKeys.pushClaims(AUDIENCE, PUSH_ACCOUNT, now).build()));
  }

  @Override
  public void close() {
    google.stop();
  }
}
