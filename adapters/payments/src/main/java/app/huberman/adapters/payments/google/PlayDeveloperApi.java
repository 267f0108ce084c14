package app.huberman.adapters.payments.google;

import app.huberman.adapters.payments.JsonFields;
import app.huberman.adapters.payments.ProviderHttp;
import app.huberman.application.shared.ProviderUnavailableException;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The one Play Developer API call we need: {@code purchases.subscriptionsv2.get}, the authoritative
 * state of a subscription purchase. Failures to answer are retried later; a purchase Google does
 * not know (404, 410) never will be.
 */
final class PlayDeveloperApi {

  private final ProviderHttp http;
  private final String baseUrl;
  private final Optional<GoogleAccessTokens> tokens;

  PlayDeveloperApi(ProviderHttp http, URI baseUrl, Optional<GoogleAccessTokens> tokens) {
    this.http = http;
    this.baseUrl = baseUrl.toString().replaceAll("/+$", "");
    this.tokens = tokens;
  }

  /**
   * @throws InvalidNotificationException when Google does not know the purchase
   * @throws ProviderUnavailableException when Google cannot answer now, or we may not ask
   */
  JsonObject subscription(String packageName, String purchaseToken) {
    GoogleAccessTokens credentials =
        tokens.orElseThrow(
            () ->
                new ProviderUnavailableException(
                    "No service-account key is configured for the Play Developer API"));
    URI uri =
        URI.create(
            baseUrl
                + "/androidpublisher/v3/applications/"
                + segment(packageName)
                + "/purchases/subscriptionsv2/tokens/"
                + segment(purchaseToken));
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(ProviderHttp.REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + credentials.token())
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<String> response = http.send(request, "The Play Developer API");
    int status = response.statusCode();
    if (status == 200) {
      try {
        return JsonFields.parseObject(response.body());
      } catch (InvalidNotificationException e) {
        throw new ProviderUnavailableException("The Play Developer API answer cannot be read", e);
      }
    }
    if (status == 401) {
      credentials.invalidate();
    }
    if (status == 401 || status == 403 || ProviderHttp.isTransient(status)) {
      // Our credentials or Google's availability, not the purchase: worth retrying.
      throw new ProviderUnavailableException("The Play Developer API answered HTTP " + status);
    }
    throw new InvalidNotificationException(
        "The Play Developer API does not know the purchase (HTTP " + status + ")");
  }

  private static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
