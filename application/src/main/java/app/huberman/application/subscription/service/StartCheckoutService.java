package app.huberman.application.subscription.service;

import app.huberman.application.shared.ConflictException;
import app.huberman.application.shared.NotFoundException;
import app.huberman.application.shared.RateLimitedException;
import app.huberman.application.shared.ValidationException;
import app.huberman.application.shared.port.out.RateLimiterPort;
import app.huberman.application.shared.port.out.RateLimiterPort.RateLimit;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.in.CheckoutSession;
import app.huberman.application.subscription.port.in.StartCheckoutUseCase;
import app.huberman.application.subscription.port.out.AccountDirectoryPort;
import app.huberman.application.subscription.port.out.PlanRepository;
import app.huberman.application.subscription.port.out.StripeBillingPort;
import app.huberman.application.subscription.port.out.StripeBillingPort.UnknownStripeCustomerException;
import app.huberman.application.subscription.port.out.SubscriptionEventsPort;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.domain.subscription.Plan;
import app.huberman.domain.subscription.PlanSlug;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A web purchase: a Stripe Checkout Session for a premium plan, paid by the account's Stripe
 * customer. Stripe's webhooks then report the subscription like any other. Stripe is asked outside
 * any transaction, so no database connection waits on it.
 */
public final class StartCheckoutService implements StartCheckoutUseCase {

  /** Sessions a minute per account: a user taps "buy" once, and retries a few times. */
  public static final int PER_ACCOUNT = 10;

  static final Duration WINDOW = Duration.ofMinutes(1);

  static final String ALREADY_PREMIUM =
      "You already have premium access through %s; manage that subscription instead";

  private final StripeBillingPort stripe;
  private final StripeCustomers customers;
  private final AccountDirectoryPort accounts;
  private final PlanRepository plans;
  private final SubscriptionRepository subscriptions;
  private final PlanCatalogue catalogue;
  private final RateLimiterPort rateLimiter;
  private final SubscriptionEventsPort events;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public StartCheckoutService(
      StripeBillingPort stripe,
      StripeCustomers customers,
      AccountDirectoryPort accounts,
      PlanRepository plans,
      SubscriptionRepository subscriptions,
      PlanCatalogue catalogue,
      RateLimiterPort rateLimiter,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.stripe = Objects.requireNonNull(stripe, "stripe");
    this.customers = Objects.requireNonNull(customers, "customers");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.plans = Objects.requireNonNull(plans, "plans");
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CheckoutSession start(UserId caller, String planSlug) {
    RateLimit limit = rateLimiter.hit("checkout:account:" + caller.value(), PER_ACCOUNT, WINDOW);
    if (limit.limited()) {
      throw new RateLimitedException(limit.retryAfter());
    }
    Purchase purchase = unitOfWork.readOnly(() -> purchaseOf(caller, planSlug));
    String customer =
        purchase
            .customer()
            .orElseGet(
                () ->
                    customers.create(
                        caller, purchase.accountToken(), purchase.email(), Optional.empty()));
    CheckoutSession session;
    try {
      session = stripe.createCheckoutSession(customer, purchase.priceId(), purchase.accountToken());
    } catch (UnknownStripeCustomerException gone) {
      customers.forget(caller, customer);
      String replacement =
          customers.create(
              caller, purchase.accountToken(), purchase.email(), Optional.of(customer));
      session =
          stripe.createCheckoutSession(replacement, purchase.priceId(), purchase.accountToken());
    }
    events.checkoutStarted(caller, purchase.plan(), session.id());
    return session;
  }

  /** What a checkout needs, read in one transaction; refuses what cannot be bought. */
  private Purchase purchaseOf(UserId caller, String planSlug) {
    Plan plan = planOnSale(planSlug);
    Instant now = clock.instant();
    for (Subscription subscription : subscriptions.findByOwner(caller)) {
      if (catalogue.grantsAccess(subscription, now)) {
        throw new ConflictException(
            ALREADY_PREMIUM.formatted(subscription.ref().provider().displayName()));
      }
    }
    Email email =
        accounts.emailOf(caller).orElseThrow(() -> new NotFoundException("No such account"));
    UUID accountToken =
        accounts.accountTokenOf(caller).orElseThrow(() -> new NotFoundException("No such account"));
    return new Purchase(
        plan.slug(),
        plan.productIds().stripePriceId().orElseThrow(),
        email,
        accountToken,
        customers.of(caller));
  }

  private Plan planOnSale(String planSlug) {
    Optional<Plan> plan = PlanSlug.parse(planSlug).flatMap(plans::findBySlug);
    if (plan.isEmpty() || !plan.get().active()) {
      throw ValidationException.of("plan", "No plan with this slug is on sale");
    }
    if (!plan.get().isPremium() || plan.get().productIds().stripePriceId().isEmpty()) {
      throw ValidationException.of("plan", "This plan cannot be bought on the web");
    }
    return plan.get();
  }

  private record Purchase(
      PlanSlug plan, String priceId, Email email, UUID accountToken, Optional<String> customer) {}
}
