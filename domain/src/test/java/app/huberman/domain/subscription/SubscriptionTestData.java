package app.huberman.domain.subscription;

import app.huberman.domain.shared.Money;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subscriptions, events and plans for domain tests: one Stripe purchase and its notifications. */
final class SubscriptionTestData {

  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final ProviderSubscriptionRef REF =
      new ProviderSubscriptionRef(PaymentProvider.STRIPE, "sub_1");
  static final SubscriptionId ID = new SubscriptionId(1);
  static final PlanId PREMIUM_ID = PlanId.of(2);
  static final Plan FREE = plan(1, "free", BillingInterval.NONE, 0);
  static final Plan PREMIUM = plan(2, "premium-monthly", BillingInterval.MONTH, 999);

  private SubscriptionTestData() {}

  static Subscription aNewSubscription() {
    return Subscription.start(ID, REF, T0);
  }

  /** A subscription on the premium plan whose last event observed {@code observation}. */
  static Subscription aSubscriptionWith(Observation observation) {
    Subscription subscription = aNewSubscription();
    subscription.apply(
        event("evt_setup", T0, observation), Optional.of(PREMIUM_ID), Optional.empty(), T0);
    return subscription;
  }

  static ProviderEvent event(String id, Instant at, Observation observation) {
    return new ProviderEvent(
        REF, id, "customer.subscription.updated", at, Optional.empty(), Optional.of(observation));
  }

  /** An event that only names the account (Stripe's {@code checkout.session.completed}). */
  static ProviderEvent linkOnly(String id, Instant at, UUID accountToken) {
    return new ProviderEvent(
        REF, id, "checkout.session.completed", at, Optional.of(accountToken), Optional.empty());
  }

  /** The state with other bookkeeping: the last event applied, and the row's own times. */
  static Subscription.State withBookkeeping(
      Subscription.State state,
      Optional<Instant> lastEventAt,
      Optional<String> lastEventId,
      Instant createdAt,
      Instant updatedAt) {
    return new Subscription.State(
        state.id(),
        state.ref(),
        state.environment(),
        state.owner(),
        state.planId(),
        state.status(),
        state.trialEndsAt(),
        state.renewsAt(),
        state.endsAt(),
        state.graceEndsAt(),
        state.canceledAt(),
        lastEventAt,
        lastEventId,
        state.planObservedAt(),
        state.planObservedEventId(),
        createdAt,
        updatedAt);
  }

  static Instant minutes(long minutes) {
    return T0.plusSeconds(60 * minutes);
  }

  private static Plan plan(long id, String slug, BillingInterval interval, long cents) {
    return new Plan(
        PlanId.of(id),
        PlanSlug.of(slug),
        slug,
        "A plan",
        interval,
        Money.of(cents, "USD"),
        List.of(slug + "_feature"),
        ProviderProductIds.NONE,
        true,
        T0,
        T0);
  }
}
