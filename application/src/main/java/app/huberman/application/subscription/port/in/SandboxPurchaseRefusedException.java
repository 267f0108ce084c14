package app.huberman.application.subscription.port.in;

import app.huberman.domain.subscription.PaymentProvider;

/**
 * A reported purchase is authentic but cost nothing (an App Store sandbox or Play test purchase),
 * and the sandbox access rule does not admit the caller. Nothing was stored.
 */
public final class SandboxPurchaseRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SandboxPurchaseRefusedException(PaymentProvider provider) {
    super(
        switch (provider) {
              case APPLE -> "App Store sandbox purchases";
              case GOOGLE -> "Google Play test purchases";
              case STRIPE -> "Stripe test purchases";
            }
            + " are not accepted for this account");
  }
}
