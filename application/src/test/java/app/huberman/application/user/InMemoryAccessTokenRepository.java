package app.huberman.application.user;

import app.huberman.application.user.port.out.AccessTokenRepository;
import app.huberman.application.user.port.out.AccessTokenRepository.WithOwner;
import app.huberman.domain.user.AccessToken;
import app.huberman.domain.user.UserId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A fake {@link AccessTokenRepository} that passes {@link AccessTokenRepositoryContract}. Like the
 * table it stands for, it refuses a token of a user that is not stored and loses the tokens of a
 * user when the user is deleted.
 */
public final class InMemoryAccessTokenRepository implements AccessTokenRepository {

  private final InMemoryUserRepository users;
  private final Map<Long, AccessToken> tokens = new LinkedHashMap<>();
  private long lastId;

  private InMemoryAccessTokenRepository(InMemoryUserRepository users) {
    this.users = users;
  }

  /** The tokens of these users. */
  public static InMemoryAccessTokenRepository of(InMemoryUserRepository users) {
    InMemoryAccessTokenRepository tokens = new InMemoryAccessTokenRepository(users);
    users.onDelete(userId -> tokens.deleteAllOf(userId));
    return tokens;
  }

  @Override
  public long nextId() {
    return ++lastId;
  }

  @Override
  public void add(AccessToken token) {
    if (users.findById(token.userId()).isEmpty()) {
      throw new IllegalStateException("No user with id " + token.userId().value() + " is stored");
    }
    if (tokens.putIfAbsent(token.id(), token) != null) {
      throw new IllegalStateException("A token with id " + token.id() + " is stored");
    }
    lastId = Math.max(lastId, token.id());
  }

  @Override
  public Optional<AccessToken> findById(long id) {
    return Optional.ofNullable(tokens.get(id));
  }

  @Override
  public Optional<WithOwner> findWithOwner(long id) {
    return findById(id)
        .flatMap(token -> users.findById(token.userId()).map(owner -> new WithOwner(token, owner)));
  }

  @Override
  public void recordUse(long id, Instant at) {
    tokens.computeIfPresent(
        id,
        (key, token) ->
            new AccessToken(
                token.id(),
                token.userId(),
                token.secretHash(),
                token.name(),
                Optional.of(at),
                token.expiresAt(),
                token.createdAt()));
  }

  @Override
  public void delete(long id) {
    tokens.remove(id);
  }

  @Override
  public int deleteAllOf(UserId userId) {
    return deleteWhere(token -> token.userId().equals(userId));
  }

  @Override
  public int deleteExpired(Instant now) {
    return deleteWhere(token -> token.isExpiredAt(now));
  }

  private int deleteWhere(Predicate<AccessToken> condition) {
    int before = tokens.size();
    tokens.values().removeIf(condition);
    return before - tokens.size();
  }
}
