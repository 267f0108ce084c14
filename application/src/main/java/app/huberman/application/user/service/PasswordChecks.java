package app.huberman.application.user.service;

import app.huberman.application.shared.Violations;
import app.huberman.domain.user.PasswordPolicy;

/** The checks of a new password, shared by registration and reset. */
final class PasswordChecks {

  private PasswordChecks() {}

  static void check(
      Violations violations, PasswordPolicy policy, String password, String confirmation) {
    if (password == null || password.isBlank()) {
      violations.required("password", password);
      return;
    }
    violations.addAll("password", policy.violations(password));
    if (!password.equals(confirmation)) {
      violations.add("password", "The password confirmation does not match.");
    }
  }
}
