package app.huberman.application.user.service;

import app.huberman.application.user.port.out.AccessTokenRepository;
import app.huberman.domain.user.AccessToken;
import app.huberman.domain.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues bearer tokens {@code "<id>|<secret>"}; only the secret's SHA-256 is stored. Built once by
 * the composition root, with the token lifetime of the settings, and shared.
 */
public final class TokenIssuer {

  static final String DEFAULT_NAME = "mobile";

  private final AccessTokenRepository tokens;
  private final Duration ttl;

  public TokenIssuer(AccessTokenRepository tokens, Duration ttl) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
  }

  String issue(User user, Instant now) {
    long id = tokens.nextId();
    String secret = Secrets.newSecret();
    tokens.add(
        new AccessToken(
            id,
            user.id(),
            Secrets.sha256Hex(secret),
            DEFAULT_NAME,
            Optional.empty(),
            now.plus(ttl),
            now));
    return id + "|" + secret;
  }
}
