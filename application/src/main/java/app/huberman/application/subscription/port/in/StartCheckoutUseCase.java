package app.huberman.application.subscription.port.in;

import app.huberman.domain.user.UserId;

/** A web purchase of premium: a Stripe Checkout Session the user pays in. */
public interface StartCheckoutUseCase {

  /**
   * Creates a Checkout Session for a premium plan, paid by the user's Stripe customer (created on
   * the first purchase). The session names the account in {@code client_reference_id}, so its
   * webhooks bind the subscription to it.
   *
   * @param planSlug the slug of an active premium plan Stripe sells
   * @throws app.huberman.application.shared.ValidationException when no such plan is on sale
   * @throws app.huberman.application.shared.ConflictException when the user already has premium
   *     access, from any provider
   * @throws app.huberman.application.shared.RateLimitedException past the limit per account
   * @throws app.huberman.application.shared.ProviderUnavailableException when Stripe cannot be
   *     reached, refuses our key, or is not configured
   */
  CheckoutSession start(UserId caller, String planSlug);
}
