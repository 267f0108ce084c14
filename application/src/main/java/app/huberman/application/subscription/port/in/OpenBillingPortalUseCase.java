package app.huberman.application.subscription.port.in;

import app.huberman.domain.user.UserId;

/** Stripe's Customer Portal: where a web subscriber changes the card or cancels. */
public interface OpenBillingPortalUseCase {

  /**
   * A portal session for the user's Stripe customer.
   *
   * @throws app.huberman.application.shared.NotFoundException when the user never bought through
   *     Stripe
   * @throws app.huberman.application.shared.RateLimitedException past the limit per account
   * @throws app.huberman.application.shared.ProviderUnavailableException when Stripe cannot be
   *     reached, refuses our key, or is not configured
   */
  BillingPortalSession open(UserId caller);
}
