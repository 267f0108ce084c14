package app.huberman.application.user.service;

import app.huberman.application.user.port.out.AccessTokenRepository;
import app.huberman.application.user.port.out.AuthenticationCachePort;
import app.huberman.domain.user.UserId;
import java.util.Objects;

/**
 * Ends every session of an account (a password reset, a deleted account): its bearer tokens are
 * deleted in the caller's transaction, and once it has committed this instance forgets its
 * remembered verdicts about them. Built once by the composition root and shared.
 */
public final class SignOutEverywhere {

  private final AccessTokenRepository tokens;
  private final AuthenticationCachePort verdicts;

  public SignOutEverywhere(AccessTokenRepository tokens, AuthenticationCachePort verdicts) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    this.verdicts = Objects.requireNonNull(verdicts, "verdicts");
  }

  /** Must run in the transaction that makes the change. */
  void revokeTokens(UserId user) {
    tokens.deleteAllOf(user);
  }

  /** Once the transaction that revoked them has committed. */
  void forgetVerdicts(UserId user) {
    verdicts.forget(user);
  }
}
