package app.huberman.application.subscription.service;

import app.huberman.application.subscription.port.in.SubscriptionView;
import app.huberman.application.subscription.port.out.PlanRepository;
import app.huberman.domain.subscription.Entitlement;
import app.huberman.domain.subscription.LapsePolicy;
import app.huberman.domain.subscription.Observation;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.Plan;
import app.huberman.domain.subscription.PlanId;
import app.huberman.domain.subscription.PlanSlug;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.Subscription;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Looks up the plans subscriptions refer to: by a provider's product when an event arrives, by id
 * when a subscription is shown. Every lookup runs in the caller's transaction. Built once by the
 * composition root and shared.
 */
public final class PlanCatalogue {

  private final PlanRepository plans;
  private final LapsePolicy lapse;

  public PlanCatalogue(PlanRepository plans, LapsePolicy lapse) {
    this.plans = Objects.requireNonNull(plans, "plans");
    this.lapse = Objects.requireNonNull(lapse, "lapse");
  }

  /** The plan the event's product maps to; empty for no product or one no plan sells. */
  Optional<PlanId> planOf(ProviderEvent event) {
    PaymentProvider provider = event.subscription().provider();
    return event
        .observation()
        .flatMap(Observation::productId)
        .flatMap(product -> plans.findByProviderProduct(provider, product))
        .map(Plan::id);
  }

  /** The subscription's plan, when it has a known one. */
  Optional<Plan> planOf(Subscription subscription) {
    return subscription.planId().flatMap(plans::findById);
  }

  Plan free() {
    return plans
        .findBySlug(PlanSlug.FREE)
        .orElseThrow(() -> new IllegalStateException("The free plan is not seeded"));
  }

  Entitlement entitlementOf(Subscription subscription, Instant now) {
    return subscription.entitlementAt(now, planOf(subscription), free(), lapse);
  }

  SubscriptionView viewOf(Subscription subscription, Instant now) {
    Optional<Plan> plan = planOf(subscription);
    boolean active =
        plan.isPresent() && plan.get().isPremium() && subscription.grantsAccessAt(now, lapse);
    return SubscriptionView.of(subscription, plan.orElseGet(this::free), active);
  }

  boolean grantsAccess(Subscription subscription, Instant now) {
    return subscription.grantsAccessAt(now, lapse);
  }

  SubscriptionView none() {
    return SubscriptionView.none(free());
  }
}
