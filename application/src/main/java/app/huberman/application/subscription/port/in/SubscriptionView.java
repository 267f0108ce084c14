package app.huberman.application.subscription.port.in;

import app.huberman.domain.subscription.Environment;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.Plan;
import app.huberman.domain.subscription.PlanId;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.subscription.SubscriptionId;
import app.huberman.domain.subscription.SubscriptionStatus;
import app.huberman.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's subscription as the API shows it: a read model of plain values, never the aggregate or
 * its stored state.
 *
 * @param subscription empty when the user has none (the API then shows status {@code none})
 * @param plan the subscription's plan, or the free plan when there is none or it is not known
 * @param active whether it grants premium access now
 */
public record SubscriptionView(Optional<Details> subscription, Plan plan, boolean active) {

  public SubscriptionView {
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(plan, "plan");
  }

  /** A subscription the user has; {@code active} says whether it grants premium access now. */
  public static SubscriptionView of(Subscription subscription, Plan plan, boolean active) {
    return new SubscriptionView(Optional.of(Details.of(subscription)), plan, active);
  }

  /** No subscription: the free plan, no premium access. */
  public static SubscriptionView none(Plan free) {
    return new SubscriptionView(Optional.empty(), free, false);
  }

  /**
   * What the API shows of a subscription: no event markers, no grace end, no provider's id.
   *
   * @param owner empty until an account claimed it
   * @param planId empty until an event named a product a plan sells
   * @param environment {@code SANDBOX} once any event about it came from a purchase that cost
   *     nothing
   */
  public record Details(
      SubscriptionId id,
      Optional<UserId> owner,
      Optional<PlanId> planId,
      PaymentProvider provider,
      Environment environment,
      SubscriptionStatus status,
      Optional<Instant> trialEndsAt,
      Optional<Instant> renewsAt,
      Optional<Instant> endsAt,
      Optional<Instant> canceledAt,
      Instant createdAt,
      Instant updatedAt) {

    public Details {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(owner, "owner");
      Objects.requireNonNull(planId, "planId");
      Objects.requireNonNull(provider, "provider");
      Objects.requireNonNull(environment, "environment");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(trialEndsAt, "trialEndsAt");
      Objects.requireNonNull(renewsAt, "renewsAt");
      Objects.requireNonNull(endsAt, "endsAt");
      Objects.requireNonNull(canceledAt, "canceledAt");
      Objects.requireNonNull(createdAt, "createdAt");
      Objects.requireNonNull(updatedAt, "updatedAt");
    }

    static Details of(Subscription subscription) {
      return new Details(
          subscription.id(),
          subscription.owner(),
          subscription.planId(),
          subscription.ref().provider(),
          subscription.environment(),
          subscription.status(),
          subscription.trialEndsAt(),
          subscription.renewsAt(),
          subscription.endsAt(),
          subscription.canceledAt(),
          subscription.createdAt(),
          subscription.updatedAt());
    }
  }
}
