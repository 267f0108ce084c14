package app.huberman.application.user.port.out;

import app.huberman.domain.user.AccessToken;
import app.huberman.domain.user.User;
import app.huberman.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;

/** The store of bearer tokens (hashed secrets only). */
public interface AccessTokenRepository {

  /** An id for a token about to be added; it is the public part of the token. */
  long nextId();

  void add(AccessToken token);

  Optional<AccessToken> findById(long id);

  /**
   * The token and its owner, read together: what every authenticated request needs, in one read.
   */
  Optional<WithOwner> findWithOwner(long id);

  /** Records that the token was used at {@code at}. */
  void recordUse(long id, Instant at);

  void delete(long id);

  /** Revokes every token of the user; returns how many. */
  int deleteAllOf(UserId userId);

  /** Deletes tokens that expired before {@code now}; returns how many. */
  int deleteExpired(Instant now);

  /** A token with the user it belongs to. */
  record WithOwner(AccessToken token, User owner) {}
}
