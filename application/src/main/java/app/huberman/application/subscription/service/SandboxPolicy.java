package app.huberman.application.subscription.service;

import app.huberman.domain.subscription.Environment;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.user.Email;
import java.util.Objects;
import java.util.Optional;

/**
 * The business rule for purchases that cost nothing: a paid purchase always counts; an App Store
 * sandbox or Play test purchase counts only for whom its provider's {@link SandboxAccess} admits.
 * Stripe has no such purchases here (test mode signs with another secret), so it admits anybody.
 */
public record SandboxPolicy(SandboxAccess apple, SandboxAccess google) {

  public static final SandboxPolicy ANYBODY =
      new SandboxPolicy(SandboxAccess.ANYBODY, SandboxAccess.ANYBODY);

  public SandboxPolicy {
    Objects.requireNonNull(apple, "apple");
    Objects.requireNonNull(google, "google");
  }

  /**
   * @param account the email of the account the purchase would serve, when one is known
   */
  public boolean admits(
      PaymentProvider provider, Environment environment, Optional<Email> account) {
    return environment == Environment.PRODUCTION || of(provider).admits(account);
  }

  /** Whether this provider's sandbox purchases are refused whoever made them. */
  boolean refusesEverySandboxPurchase(PaymentProvider provider) {
    return of(provider).mode() == SandboxAccess.Mode.NOBODY;
  }

  private SandboxAccess of(PaymentProvider provider) {
    return switch (provider) {
      case APPLE -> apple;
      case GOOGLE -> google;
      case STRIPE -> SandboxAccess.ANYBODY;
    };
  }
}
