package app.huberman.adapters.payments.google;

import app.huberman.adapters.payments.JsonFields;
import app.huberman.adapters.payments.ProviderHttp;
import app.huberman.application.shared.ProviderUnavailableException;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.locks.ReentrantLock;

/**
 * OAuth access tokens for one scope of Google's APIs (the Play Developer API here; FCM through
 * bootstrap), obtained with a service account's signed JWT assertion (RFC 7523) and kept until
 * shortly before they expire, so each API call does not cost a token request.
 */
public final class GoogleAccessTokens {

  static final String SCOPE = "https://www.googleapis.com/auth/androidpublisher";
  private static final String GRANT_TYPE = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  private static final Duration ASSERTION_LIFETIME = Duration.ofHours(1);
  private static final Duration REFRESH_MARGIN = Duration.ofMinutes(1);

  private final GoogleServiceAccount account;
  private final String scope;
  private final ProviderHttp http;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Token current;

  GoogleAccessTokens(GoogleServiceAccount account, String scope, ProviderHttp http, Clock clock) {
    this.account = account;
    this.scope = scope;
    this.http = http;
    this.clock = clock;
  }

  /** Tokens for another of Google's APIs, with the same service account. */
  public static GoogleAccessTokens forScope(
      GoogleServiceAccount account, String scope, Clock clock) {
    return new GoogleAccessTokens(account, scope, ProviderHttp.create(), clock);
  }

  /**
   * A token valid for at least another minute.
   *
   * @throws ProviderUnavailableException when Google's token endpoint cannot be reached or refuses
   */
  public String token() {
    Token token = current;
    if (token != null && token.isFresh(clock.instant())) {
      return token.value();
    }
    lock.lock();
    try {
      token = current;
      if (token == null || !token.isFresh(clock.instant())) {
        token = fetch(clock.instant());
        current = token;
      }
      return token.value();
    } finally {
      lock.unlock();
    }
  }

  /** Forgets the token (the API refused it). */
  public void invalidate() {
    current = null;
  }

  private Token fetch(Instant now) {
    String form =
        "grant_type="
            + URLEncoder.encode(GRANT_TYPE, StandardCharsets.UTF_8)
            + "&assertion="
            + URLEncoder.encode(assertion(now), StandardCharsets.UTF_8);
    HttpRequest request =
        HttpRequest.newBuilder(account.tokenUri())
            .timeout(ProviderHttp.REQUEST_TIMEOUT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    HttpResponse<String> response = http.send(request, "Google's OAuth token endpoint");
    if (response.statusCode() != 200) {
      // A refused assertion is a configuration problem, not the notification's: retry later.
      throw new ProviderUnavailableException(
          "Google's OAuth token endpoint answered HTTP " + response.statusCode());
    }
    try {
      JsonObject body = JsonFields.parseObject(response.body());
      long lifetime = JsonFields.number(body, "expires_in").orElse(3600L);
      return new Token(
          JsonFields.requiredString(body, "access_token"),
          now.plusSeconds(lifetime).minus(REFRESH_MARGIN));
    } catch (InvalidNotificationException e) {
      throw new ProviderUnavailableException("Google's OAuth token answer cannot be read", e);
    }
  }

  private String assertion(Instant now) {
    JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT);
    account.privateKeyId().ifPresent(header::keyID);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(account.clientEmail())
            .audience(account.tokenUri().toString())
            .claim("scope", scope)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(ASSERTION_LIFETIME)))
            .build();
    SignedJWT jwt = new SignedJWT(header.build(), claims);
    try {
      jwt.sign(new RSASSASigner(account.privateKey()));
    } catch (JOSEException e) {
      throw new IllegalStateException("The service-account key cannot sign", e);
    }
    return jwt.serialize();
  }

  private record Token(String value, Instant refreshAt) {
    boolean isFresh(Instant now) {
      return now.isBefore(refreshAt);
    }

    @Override
    public String toString() {
      return "Token[refreshAt=" + refreshAt + "]";
    }
  }
}
