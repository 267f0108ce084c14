package app.huberman.adapters.rest.subscription;

import app.huberman.application.subscription.port.in.SubscriptionView;
import app.huberman.domain.subscription.Entitlement;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of {@code /user/subscription}, {@code /user/entitlements} and the verifiers. */
public final class SubscriptionResponses {

  private SubscriptionResponses() {}

  /** The contract's two answers about a user's subscription: Subscription or NoSubscription. */
  public sealed interface SubscriptionBody permits SubscriptionResponse, NoSubscriptionResponse {}

  /** A subscription, or {@code {"status":"none",...}} (no id) for a user without one. */
  static SubscriptionBody from(SubscriptionView view) {
    PlanResponse plan = PlanResponse.from(view.plan());
    return view.subscription()
        .<SubscriptionBody>map(
            subscription -> SubscriptionResponse.from(subscription, plan, view.active()))
        .orElseGet(() -> new NoSubscriptionResponse("none", false, plan));
  }

  /**
   * Subscription = {id, user_id, plan_id, plan, provider, environment, status, active, ...}; {@code
   * environment} is {@code production} for a paid purchase, {@code sandbox} for an App Store
   * sandbox or Play test purchase.
   */
  public record SubscriptionResponse(
      long id,
      Long userId,
      Long planId,
      PlanResponse plan,
      String provider,
      String environment,
      String status,
      boolean active,
      Instant trialEndsAt,
      Instant renewsAt,
      Instant endsAt,
      Instant canceledAt,
      Instant createdAt,
      Instant updatedAt)
      implements SubscriptionBody {

    static SubscriptionResponse from(
        SubscriptionView.Details subscription, PlanResponse plan, boolean active) {
      return new SubscriptionResponse(
          subscription.id().value(),
          subscription.owner().map(owner -> owner.value()).orElse(null),
          subscription.planId().map(id -> id.value()).orElse(null),
          plan,
          subscription.provider().key(),
          subscription.environment().key(),
          subscription.status().key(),
          active,
          subscription.trialEndsAt().orElse(null),
          subscription.renewsAt().orElse(null),
          subscription.endsAt().orElse(null),
          subscription.canceledAt().orElse(null),
          subscription.createdAt(),
          subscription.updatedAt());
    }
  }

  /** NoSubscription = {status: none, active: false, plan}. */
  public record NoSubscriptionResponse(String status, boolean active, PlanResponse plan)
      implements SubscriptionBody {}

  /** {@code {"premium": bool, "plan": slug, "features": [...], "expires_at": ...}}. */
  public record EntitlementResponse(
      boolean premium, String plan, List<String> features, Instant expiresAt) {

    static EntitlementResponse from(Entitlement entitlement) {
      return new EntitlementResponse(
          entitlement.premium(),
          entitlement.plan().value(),
          entitlement.features(),
          entitlement.expiresAt().orElse(null));
    }
  }
}
