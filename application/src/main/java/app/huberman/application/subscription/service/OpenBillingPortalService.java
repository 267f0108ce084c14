package app.huberman.application.subscription.service;

import app.huberman.application.shared.NotFoundException;
import app.huberman.application.shared.RateLimitedException;
import app.huberman.application.shared.port.out.RateLimiterPort;
import app.huberman.application.shared.port.out.RateLimiterPort.RateLimit;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.in.BillingPortalSession;
import app.huberman.application.subscription.port.in.OpenBillingPortalUseCase;
import app.huberman.application.subscription.port.out.StripeBillingPort;
import app.huberman.application.subscription.port.out.StripeBillingPort.UnknownStripeCustomerException;
import app.huberman.application.subscription.port.out.SubscriptionEventsPort;
import app.huberman.domain.user.UserId;
import java.time.Duration;
import java.util.Objects;

/**
 * Stripe's Customer Portal for the account's Stripe customer, where a web subscriber changes the
 * card or cancels. Stripe's webhooks then report the change.
 */
public final class OpenBillingPortalService implements OpenBillingPortalUseCase {

  /** Portal sessions a minute per account. */
  public static final int PER_ACCOUNT = 10;

  static final Duration WINDOW = Duration.ofMinutes(1);

  static final String NO_CUSTOMER = "No web purchase was made with this account";

  private final StripeBillingPort stripe;
  private final StripeCustomers customers;
  private final RateLimiterPort rateLimiter;
  private final SubscriptionEventsPort events;
  private final UnitOfWorkPort unitOfWork;

  public OpenBillingPortalService(
      StripeBillingPort stripe,
      StripeCustomers customers,
      RateLimiterPort rateLimiter,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork) {
    this.stripe = Objects.requireNonNull(stripe, "stripe");
    this.customers = Objects.requireNonNull(customers, "customers");
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public BillingPortalSession open(UserId caller) {
    RateLimit limit = rateLimiter.hit("portal:account:" + caller.value(), PER_ACCOUNT, WINDOW);
    if (limit.limited()) {
      throw new RateLimitedException(limit.retryAfter());
    }
    String customer =
        unitOfWork
            .readOnly(() -> customers.of(caller))
            .orElseThrow(() -> new NotFoundException(NO_CUSTOMER));
    BillingPortalSession session;
    try {
      session = stripe.createPortalSession(customer);
    } catch (UnknownStripeCustomerException gone) {
      customers.forget(caller, customer);
      throw new NotFoundException(NO_CUSTOMER);
    }
    events.billingPortalOpened(caller);
    return session;
  }
}
