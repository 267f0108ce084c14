package app.huberman.application.subscription.service;

import app.huberman.application.shared.ConflictException;
import app.huberman.application.shared.IpLiteral;
import app.huberman.application.shared.NotFoundException;
import app.huberman.application.shared.RateLimitedException;
import app.huberman.application.shared.port.out.RateLimiterPort;
import app.huberman.application.shared.port.out.RateLimiterPort.RateLimit;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.in.SandboxPurchaseRefusedException;
import app.huberman.application.subscription.port.in.SubscriptionView;
import app.huberman.application.subscription.port.in.VerifyPurchaseUseCase;
import app.huberman.application.subscription.port.out.AccountDirectoryPort;
import app.huberman.application.subscription.port.out.SubscriptionEventsPort;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.domain.subscription.ClientPurchase;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The app's report of a purchase it just made. The provider's answer is applied like a webhook's
 * event, and the purchase is bound to the caller, so premium access starts without waiting for the
 * webhook. A webhook about the same purchase locks the same subscription row, so whichever comes
 * second sees the first: one subscription, never two.
 *
 * <p>A purchase that cost nothing (App Store sandbox, Play test purchase) is refused before
 * anything is stored unless the {@link SandboxPolicy} admits the caller.
 */
public final class VerifyPurchaseService implements VerifyPurchaseUseCase {

  static final String OTHER_ACCOUNT = "The purchase belongs to another account";

  /** Reports a minute per account: an app reports a purchase once, and retries a few times. */
  public static final int PER_ACCOUNT = 10;

  /** Reports a minute per address: several accounts may share one (a household, a carrier NAT). */
  public static final int PER_ADDRESS = 30;

  static final Duration WINDOW = Duration.ofMinutes(1);

  private final PaymentProviders providers;
  private final SubscriptionRepository subscriptions;
  private final AccountDirectoryPort accounts;
  private final ProviderEventApplier applier;
  private final PlanCatalogue catalogue;
  private final SandboxPolicy sandbox;
  private final RateLimiterPort rateLimiter;
  private final SubscriptionEventsPort events;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public VerifyPurchaseService(
      PaymentProviders providers,
      SubscriptionRepository subscriptions,
      AccountDirectoryPort accounts,
      ProviderEventApplier applier,
      PlanCatalogue catalogue,
      SandboxPolicy sandbox,
      RateLimiterPort rateLimiter,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.providers = Objects.requireNonNull(providers, "providers");
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.applier = Objects.requireNonNull(applier, "applier");
    this.catalogue = Objects.requireNonNull(catalogue, "catalogue");
    this.sandbox = Objects.requireNonNull(sandbox, "sandbox");
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public SubscriptionView verify(UserId caller, ClientPurchase purchase, String clientIp) {
    limit("verify:account:" + caller.value(), PER_ACCOUNT);
    limit("verify:ip:" + IpLiteral.rateLimitGroup(clientIp), PER_ADDRESS);
    // Outside the transaction: it asks the provider, and no connection should wait on that.
    ProviderEvent event = providers.of(purchase.provider()).verifyPurchase(purchase);
    return unitOfWork.atomically(
        () -> {
          Email email =
              accounts.emailOf(caller).orElseThrow(() -> new NotFoundException("No such account"));
          PaymentProvider provider = purchase.provider();
          if (!sandbox.admits(provider, event.environment(), Optional.of(email))) {
            // Reported now: the refusal rolls the transaction back, so nothing would commit.
            events.sandboxPurchaseRefused(provider, caller);
            throw new SandboxPurchaseRefusedException(provider);
          }
          if (event.accountToken().isPresent()
              && !accounts.idOf(event.accountToken().get()).equals(Optional.of(caller))) {
            throw new ConflictException(OTHER_ACCOUNT);
          }
          Instant now = clock.instant();
          Subscription subscription = subscriptions.lockOrStart(event.subscription(), now);
          if (subscription.isOwnedByAnotherThan(caller)) {
            throw new ConflictException(OTHER_ACCOUNT);
          }
          applier.apply(subscription, event, Optional.of(caller), now);
          return catalogue.viewOf(subscription, now);
        });
  }

  private void limit(String key, int attempts) {
    RateLimit limit = rateLimiter.hit(key, attempts, WINDOW);
    if (limit.limited()) {
      throw new RateLimitedException(limit.retryAfter());
    }
  }
}
