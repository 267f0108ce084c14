package app.huberman.application.user.port.out;

import app.huberman.domain.user.PasswordHash;

/** Argon2id password hashing, with the parameters this release uses. */
public interface PasswordHasherPort {

  PasswordHash hash(String password);

  /** Constant-time comparison of the password against the hash. */
  boolean verify(String password, PasswordHash hash);

  /** Whether the hash was made with other parameters than this release's (rehash on login). */
  boolean needsRehash(PasswordHash hash);

  /**
   * Does the work of a verification against a fixed hash and discards the result, so that a login
   * for an unknown email takes as long as one for a known email.
   */
  void verifyAgainstDummy(String password);
}
