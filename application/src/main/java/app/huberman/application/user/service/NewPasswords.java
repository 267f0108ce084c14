package app.huberman.application.user.service;

import app.huberman.application.shared.Violations;
import app.huberman.application.user.port.out.PasswordHasherPort;
import app.huberman.domain.user.PasswordHash;
import app.huberman.domain.user.PasswordPolicy;
import java.util.Objects;

/**
 * A new password, at registration or reset: checked against the {@link PasswordPolicy} and its
 * confirmation, then hashed. Built once by the composition root and shared.
 */
public final class NewPasswords {

  private final PasswordPolicy policy;
  private final PasswordHasherPort hasher;

  public NewPasswords(PasswordPolicy policy, PasswordHasherPort hasher) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
  }

  void check(Violations violations, String password, String confirmation) {
    if (password == null || password.isBlank()) {
      violations.required("password", password);
      return;
    }
    violations.addAll("password", policy.violations(password));
    if (!password.equals(confirmation)) {
      violations.add("password", "The password confirmation does not match.");
    }
  }

  /** Takes tens of milliseconds: call it outside a transaction. */
  PasswordHash hash(String password) {
    return hasher.hash(password);
  }
}
