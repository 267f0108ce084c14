package app.huberman.application.user.service;

import app.huberman.application.user.port.in.AuthenticateUseCase;
import app.huberman.application.user.port.in.Authenticated;
import app.huberman.application.user.port.out.AuthenticationCachePort;
import app.huberman.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Put in front of {@link AuthenticateService}: remembers each token's verdict for at most {@link
 * #FRESHNESS}, so a busy client's requests do not each cost a database round trip. A revoked or
 * expired token is therefore refused by every instance within a second; a logout, a password reset
 * or an account deletion on this instance is felt here at once ({@link AuthenticationCachePort}).
 * Only positive verdicts are kept, under the token's SHA-256, never the token itself.
 */
public final class TokenVerdictCache implements AuthenticateUseCase, AuthenticationCachePort {

  static final Duration FRESHNESS = Duration.ofSeconds(1);
  static final int MAX_ENTRIES = 100_000;

  private final AuthenticateUseCase authentication;
  private final Clock clock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public TokenVerdictCache(AuthenticateUseCase authentication, Clock clock) {
    this.authentication = authentication;
    this.clock = clock;
  }

  @Override
  public Optional<Authenticated> authenticate(String bearerToken) {
    if (bearerToken == null) {
      return Optional.empty();
    }
    String key = Secrets.sha256Hex(bearerToken);
    Instant now = clock.instant();
    Entry entry = entries.get(key);
    if (entry != null && now.isBefore(entry.freshUntil())) {
      return Optional.of(entry.caller());
    }
    Optional<Authenticated> verdict = authentication.authenticate(bearerToken);
    if (verdict.isPresent()) {
      if (entries.size() >= MAX_ENTRIES) {
        evictStale(now);
      }
      entries.put(key, new Entry(verdict.get(), now.plus(FRESHNESS)));
    } else {
      entries.remove(key);
    }
    return verdict;
  }

  /** The token was revoked (logout): forget this instance's verdict about it at once. */
  @Override
  public void forgetToken(long tokenId) {
    entries.values().removeIf(entry -> entry.caller().tokenId() == tokenId);
  }

  /**
   * Every token of the user was revoked, or the account changed: forget this instance's verdicts
   * about them at once.
   */
  @Override
  public void forget(UserId user) {
    entries.values().removeIf(entry -> entry.caller().userId().equals(user));
  }

  private void evictStale(Instant now) {
    for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
      if (!now.isBefore(it.next().freshUntil())) {
        it.remove();
      }
    }
    if (entries.size() >= MAX_ENTRIES) {
      entries.clear(); // under a flood of distinct valid tokens, stay bounded
    }
  }

  private record Entry(Authenticated caller, Instant freshUntil) {}
}
