package app.huberman.application.user.port.out;

import app.huberman.domain.user.UserId;

/**
 * Whatever remembers recent token verdicts (and the account they name) is told when that memory
 * went stale: a token revoked (logout), every token of the user revoked (password reset, account
 * deletion) or the account changed (profile update).
 */
public interface AuthenticationCachePort {

  /** The token with this id was revoked. */
  void forgetToken(long tokenId);

  /** Every token of the user was revoked, or the account changed. */
  void forget(UserId user);
}
