package app.huberman.application.subscription.service;

import app.huberman.domain.user.Email;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may get premium from one provider's purchases that cost nothing ({@code
 * APPLE_SANDBOX_ACCESS}, {@code GOOGLE_TEST_PURCHASE_ACCESS}), as RevenueCat's sandbox testing
 * access: anybody, the accounts on an allowlist, or nobody. App Review buys with sandbox accounts
 * in production builds, so "nobody" means App Review cannot buy.
 *
 * @param allowlist for {@code ALLOWLIST}: our accounts' email addresses, compared
 *     case-insensitively (the address an operator knows, not the Apple ID or Google account that
 *     bought)
 */
public record SandboxAccess(Mode mode, Set<String> allowlist) {

  public static final SandboxAccess ANYBODY = new SandboxAccess(Mode.ANYBODY, Set.of());

  public enum Mode {
    ANYBODY,
    ALLOWLIST,
    NOBODY;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public SandboxAccess {
    Objects.requireNonNull(mode, "mode");
    allowlist =
        allowlist.stream()
            .map(address -> Email.of(address).normalized())
            .collect(Collectors.toUnmodifiableSet());
    if (mode == Mode.ALLOWLIST && allowlist.isEmpty()) {
      throw new IllegalArgumentException("An allowlist names at least one account");
    }
  }

  public static SandboxAccess of(Mode mode, Collection<Email> allowlist) {
    return new SandboxAccess(
        mode, allowlist.stream().map(Email::value).collect(Collectors.toSet()));
  }

  /** Whether a sandbox purchase may grant premium to this account (none known: only anybody). */
  boolean admits(Optional<Email> account) {
    return switch (mode) {
      case ANYBODY -> true;
      case NOBODY -> false;
      case ALLOWLIST -> account.map(Email::normalized).filter(allowlist::contains).isPresent();
    };
  }
}
