package app.huberman.application.user.port.out;

import app.huberman.domain.user.UserId;

/**
 * Whatever remembers recent token verdicts (and the account they name) is told when that memory
 * went stale: every token of the user revoked (password reset, account deletion) or the account
 * changed (profile update).
 */
public interface AuthenticationCachePort {

  void forget(UserId user);
}
