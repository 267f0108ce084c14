package app.huberman.adapters.payments.google;

import app.huberman.adapters.payments.ProviderHttp;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What Play notifications are checked against and how the Play Developer API is reached.
 *
 * @param packageName the app's package (GOOGLE_PACKAGE_NAME); notifications and purchases for any
 *     other are refused, and all are while it is unset
 * @param pubsubAudience the {@code aud} of the push subscription's OIDC token
 *     (GOOGLE_PUBSUB_AUDIENCE)
 * @param pubsubServiceAccount the {@code email} the push subscription signs as
 *     (GOOGLE_PUBSUB_SERVICE_ACCOUNT); webhooks are refused while it or the audience is unset
 * @param jwksUrl where Google publishes the token signing keys (GOOGLE_JWKS_URL)
 * @param playApiUrl the Play Developer API's base URL (GOOGLE_PLAY_API_URL)
 * @param serviceAccount the key the server calls the API with (GOOGLE_SERVICE_ACCOUNT_KEY, read
 *     with {@link GoogleServiceAccount#load}); without it purchases cannot be looked up
 */
public record GoogleSettings(
    Optional<String> packageName,
    Optional<String> pubsubAudience,
    Optional<String> pubsubServiceAccount,
    URI jwksUrl,
    URI playApiUrl,
    Optional<GoogleServiceAccount> serviceAccount) {

  public static final URI DEFAULT_JWKS_URL =
      URI.create("https://www.googleapis.com/oauth2/v3/certs");
  public static final URI DEFAULT_PLAY_API_URL =
      URI.create("https://androidpublisher.googleapis.com");

  public GoogleSettings {
    packageName = present(packageName, "packageName");
    pubsubAudience = present(pubsubAudience, "pubsubAudience");
    pubsubServiceAccount = present(pubsubServiceAccount, "pubsubServiceAccount");
    requireHttp(jwksUrl, "jwksUrl");
    requireHttp(playApiUrl, "playApiUrl");
    Objects.requireNonNull(serviceAccount, "serviceAccount");
  }

  private static Optional<String> present(Optional<String> value, String name) {
    return Objects.requireNonNull(value, name).map(String::strip).filter(text -> !text.isEmpty());
  }

  static void requireHttp(URI url, String name) {
    ProviderHttp.requireHttp(url, name);
  }
}
