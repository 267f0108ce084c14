package app.huberman.application.subscription.service;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.out.StripeBillingPort;
import app.huberman.application.subscription.port.out.StripeCustomerRepository;
import app.huberman.application.subscription.port.out.SubscriptionEventsPort;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.UserId;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The one Stripe customer of each account that buys on the web: created at Stripe on the first
 * purchase and kept, forgotten when Stripe no longer knows it (deleted in its dashboard). Checkout
 * and the Customer Portal share it.
 */
public final class StripeCustomers {

  private final StripeBillingPort stripe;
  private final StripeCustomerRepository customers;
  private final SubscriptionEventsPort events;
  private final UnitOfWorkPort unitOfWork;

  public StripeCustomers(
      StripeBillingPort stripe,
      StripeCustomerRepository customers,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork) {
    this.stripe = Objects.requireNonNull(stripe, "stripe");
    this.customers = Objects.requireNonNull(customers, "customers");
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  /** The account's customer, read in the caller's transaction. */
  Optional<String> of(UserId account) {
    return customers.customerOf(account);
  }

  /**
   * Creates the account's customer at Stripe, outside any transaction, and keeps it. The key
   * derives from the account, so concurrent first purchases get one customer from Stripe.
   *
   * @param replacing the customer Stripe no longer knows, which a new key must not answer again
   * @return the customer the account has now (a concurrent request's, if it kept one first)
   */
  String create(UserId account, UUID accountToken, Email email, Optional<String> replacing) {
    String key =
        "customer-" + accountToken + replacing.map(gone -> "-replacing-" + gone).orElse("");
    String created = stripe.createCustomer(accountToken, email, key);
    String kept = unitOfWork.atomically(() -> customers.keep(account, created));
    if (kept.equals(created)) {
      events.stripeCustomerCreated(account, created);
    }
    return kept;
  }

  /** Forgets a customer Stripe answered it does not know. */
  void forget(UserId account, String customer) {
    unitOfWork.atomically(
        () -> {
          customers.forget(account, customer);
          return null;
        });
    events.stripeCustomerForgotten(account, customer);
  }
}
