package app.huberman.adapters.payments.google;

import app.huberman.adapters.payments.ProviderHttp;
import app.huberman.application.shared.ProviderUnavailableException;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.util.Date;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the OIDC token Pub/Sub puts on each push: RS256 under one of Google's published keys
 * (fetched and cached), issued by Google to our audience for our push service account, and not
 * expired by our clock (a minute of skew allowed).
 */
final class PubSubTokenVerifier {

  private static final Set<String> ISSUERS =
      Set.of("https://accounts.google.com", "accounts.google.com");
  private static final int MAX_CLOCK_SKEW_SECONDS = 60;
  private static final String BEARER = "bearer ";

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

  PubSubTokenVerifier(
      URI jwksUrl, String audience, String serviceAccount, ProviderHttp http, Clock clock) {
    JWKSource<SecurityContext> keys;
    try {
      keys =
          JWKSourceBuilder.<SecurityContext>create(jwksUrl.toURL(), new JwksRetriever(http))
              .retrying(false)
              .build();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("Not a JWKS URL: " + jwksUrl, e);
    }
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        // Mutable sets: nimbus 10.5 asks them whether they contain null, which Set.of() refuses.
        new DefaultJWTClaimsVerifier<>(
            new HashSet<>(Set.of(audience)),
            new JWTClaimsSet.Builder()
                .claim("email", serviceAccount)
                .claim("email_verified", true)
                .build(),
            new HashSet<>(Set.of("iss", "exp", "iat")),
            new HashSet<>()) {
          @Override
          protected Date currentTime() {
            return Date.from(clock.instant());
          }
        };
    claims.setMaxClockSkew(MAX_CLOCK_SKEW_SECONDS);
    processor.setJWTClaimsSetVerifier(claims);
  }

  /**
   * @param authorization the {@code Authorization} header
   * @throws InvalidNotificationException when the token is missing or not one Pub/Sub issued to us
   * @throws ProviderUnavailableException when Google's keys cannot be fetched
   */
  void verify(Optional<String> authorization) {
    String header =
        authorization.orElseThrow(
            () -> new InvalidNotificationException("No Authorization header"));
    if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
      throw new InvalidNotificationException("The Authorization header is not a bearer token");
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(header.substring(BEARER.length()).strip(), null);
    } catch (RateLimitReachedException e) {
      // The keys were fetched a moment ago for another unknown key id and did not have it: the
      // token's key is not one of Google's. Only keys that cannot be fetched at all are an outage.
      throw new InvalidNotificationException("The push token's signing key is unknown", e);
    } catch (KeySourceException e) {
      throw new ProviderUnavailableException("Google's token signing keys cannot be fetched", e);
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new InvalidNotificationException("The push token is refused: " + e.getMessage(), e);
    }
    if (!ISSUERS.contains(claims.getIssuer())) {
      throw new InvalidNotificationException("The push token was not issued by Google");
    }
  }
}
