package app.huberman.application.user.service;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.user.port.in.AuthenticateUseCase;
import app.huberman.application.user.port.in.Authenticated;
import app.huberman.application.user.port.in.ProfileView;
import app.huberman.application.user.port.out.AccessTokenRepository;
import app.huberman.application.user.port.out.AccessTokenRepository.WithOwner;
import app.huberman.domain.user.AccessToken;
import app.huberman.domain.user.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a bearer token against the store, and records its use at most once a minute. Every
 * instance puts a {@link TokenVerdictCache} in front of it.
 */
public final class AuthenticateService implements AuthenticateUseCase {

  private final AccessTokenRepository tokens;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public AuthenticateService(AccessTokenRepository tokens, UnitOfWorkPort unitOfWork, Clock clock) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Optional<Authenticated> authenticate(String bearerToken) {
    Optional<ParsedToken> parsed = ParsedToken.parse(bearerToken);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    // One read, outside a transaction: this runs on every authenticated request.
    Optional<WithOwner> stored = unitOfWork.readOnly(() -> tokens.findWithOwner(parsed.get().id()));
    Instant now = clock.instant();
    if (stored.isEmpty()
        || stored.get().token().isExpiredAt(now)
        || !Secrets.sameHash(
            stored.get().token().secretHash(), Secrets.sha256Hex(parsed.get().secret()))) {
      return Optional.empty();
    }
    AccessToken token = stored.get().token();
    User owner = stored.get().owner();
    if (token.shouldRecordUseAt(now)) {
      unitOfWork.atomically(
          () -> {
            tokens.recordUse(token.id(), now);
            return null;
          });
    }
    return Optional.of(
        new Authenticated(token.userId(), token.id(), owner.role(), ProfileView.of(owner)));
  }

  /** The two parts of {@code "<id>|<secret>"}. */
  record ParsedToken(long id, String secret) {

    static Optional<ParsedToken> parse(String bearerToken) {
      if (bearerToken == null || bearerToken.length() > 200) {
        return Optional.empty();
      }
      int bar = bearerToken.indexOf('|');
      if (bar < 1 || bar == bearerToken.length() - 1) {
        return Optional.empty();
      }
      try {
        long id = Long.parseLong(bearerToken.substring(0, bar));
        return id > 0
            ? Optional.of(new ParsedToken(id, bearerToken.substring(bar + 1)))
            : Optional.empty();
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }

    @Override
    public String toString() {
      return "ParsedToken[" + id + "|redacted]";
    }
  }
}
