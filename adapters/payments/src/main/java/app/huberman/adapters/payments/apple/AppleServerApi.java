package app.huberman.adapters.payments.apple;

import app.huberman.adapters.payments.JsonFields;
import app.huberman.adapters.payments.ProviderHttp;
import app.huberman.application.shared.ProviderUnavailableException;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The one App Store Server API call we need: Get All Subscription Statuses ({@code GET
 * /inApps/v1/subscriptions/{transactionId}}), authorized by a short-lived ES256 token signed with
 * the in-app purchase key. Production is asked first and the sandbox when production does not know
 * the transaction, as Apple advises when the environment is not known.
 */
final class AppleServerApi {

  static final String AUDIENCE = "appstoreconnect-v1";

  /** Apple refuses tokens that live longer than an hour. */
  private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(20);

  private final ProviderHttp http;
  private final AppleServerApiSettings settings;
  private final String bundleId;
  private final Clock clock;

  AppleServerApi(ProviderHttp http, AppleServerApiSettings settings, String bundleId, Clock clock) {
    this.http = http;
    this.settings = settings;
    this.bundleId = bundleId;
    this.clock = clock;
  }

  /**
   * @return the statuses answer of whichever environment knows the transaction
   * @throws InvalidNotificationException when neither knows it, or the id is refused
   * @throws ProviderUnavailableException when Apple cannot answer now, or refuses our key
   */
  JsonObject subscriptionStatuses(String transactionId) {
    String token = token();
    for (URI base : List.of(settings.productionUrl(), settings.sandboxUrl())) {
      HttpResponse<String> response =
          http.send(request(base, transactionId, token), "The App Store Server API");
      int status = response.statusCode();
      if (status == 200) {
        try {
          return JsonFields.parseObject(response.body());
        } catch (InvalidNotificationException e) {
          throw new ProviderUnavailableException(
              "The App Store Server API answer cannot be read", e);
        }
      }
      if (status == 401 || ProviderHttp.isTransient(status)) {
        // Our key or Apple's availability, not the subscription: worth asking again later.
        throw new ProviderUnavailableException("The App Store Server API answered HTTP " + status);
      }
      if (status != 404) {
        throw new InvalidNotificationException(
            "The App Store Server API refused the transaction (HTTP " + status + ")");
      }
    }
    throw new InvalidNotificationException("The App Store does not know the transaction");
  }

  private static HttpRequest request(URI base, String transactionId, String token) {
    URI uri =
        URI.create(
            base.toString().replaceAll("/+$", "")
                + "/inApps/v1/subscriptions/"
                + URLEncoder.encode(transactionId, StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(uri)
        .timeout(ProviderHttp.REQUEST_TIMEOUT)
        .header("Authorization", "Bearer " + token)
        .header("Accept", "application/json")
        .GET()
        .build();
  }

  /** The API token: ES256 under the key's id, issued by our issuer id, for our bundle. */
  private String token() {
    Instant now = clock.instant();
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.ES256)
            .keyID(settings.keyId())
            .type(JOSEObjectType.JWT)
            .build();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(settings.issuerId())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(TOKEN_LIFETIME)))
            .audience(AUDIENCE)
            .claim("bid", bundleId)
            .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(new ECDSASigner(settings.privateKey()));
    } catch (JOSEException e) {
      throw new IllegalStateException("The App Store key cannot sign", e);
    }
    return jwt.serialize();
  }
}
