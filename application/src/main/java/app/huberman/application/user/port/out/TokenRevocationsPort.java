package app.huberman.application.user.port.out;

import app.huberman.domain.user.UserId;

/**
 * Told when every token of a user was revoked (password reset, account deletion), so that whatever
 * remembers recent token verdicts forgets that user's at once.
 */
public interface TokenRevocationsPort {

  void revokedAllOf(UserId user);
}
