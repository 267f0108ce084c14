package app.huberman.application.subscription.port.out;

import app.huberman.application.subscription.port.in.BillingPortalSession;
import app.huberman.application.subscription.port.in.CheckoutSession;
import app.huberman.domain.user.Email;
import java.util.UUID;

/**
 * Stripe's API for web purchases: customers, Checkout Sessions and Customer Portal sessions. Each
 * call carries an idempotency key, and its retries reuse it, so a retried call never creates a
 * second object. The adapter knows the success, cancel and return URLs.
 */
public interface StripeBillingPort {

  /**
   * Creates the Stripe customer of an account. Calls with the same key within Stripe's idempotency
   * window (24 hours) answer the same customer.
   *
   * @param accountToken the account's public UUID, kept in the customer's metadata
   * @param idempotencyKey chosen by the caller, so that concurrent first purchases share it
   * @return the customer's id ({@code cus_...})
   * @throws app.huberman.application.shared.ProviderUnavailableException when Stripe cannot be
   *     reached, refuses our key, or is not configured
   */
  String createCustomer(UUID accountToken, Email email, String idempotencyKey);

  /**
   * Creates a Checkout Session in subscription mode for one plan's price.
   *
   * @throws UnknownStripeCustomerException when Stripe no longer knows the customer
   * @throws app.huberman.application.shared.ProviderUnavailableException as above
   */
  CheckoutSession createCheckoutSession(String customerId, String priceId, UUID accountToken);

  /**
   * Creates a Customer Portal session for a customer.
   *
   * @throws UnknownStripeCustomerException when Stripe no longer knows the customer
   * @throws app.huberman.application.shared.ProviderUnavailableException as above
   */
  BillingPortalSession createPortalSession(String customerId);

  /** Stripe answered that the customer does not exist (deleted in Stripe's dashboard). */
  final class UnknownStripeCustomerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownStripeCustomerException(String customerId) {
      super("Stripe does not know customer " + customerId);
    }
  }
}
