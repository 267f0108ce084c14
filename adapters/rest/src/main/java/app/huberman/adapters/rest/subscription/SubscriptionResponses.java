package app.huberman.adapters.rest.subscription;

import app.huberman.application.subscription.port.in.SubscriptionView;
import app.huberman.domain.subscription.Entitlement;
import app.huberman.domain.subscription.Subscription;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of {@code /user/subscription}, {@code /user/entitlements} and the verifiers. */
public final class SubscriptionResponses {

  private SubscriptionResponses() {}

  /** A subscription, or {@code {"status":"none",...}} (no id) for a user without one. */
  static Object from(SubscriptionView view) {
    PlanResponse plan = PlanResponse.from(view.plan());
    return view.subscription()
        .<Object>map(state -> SubscriptionResponse.from(state, plan, view.active()))
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
      Instant updatedAt) {

    static SubscriptionResponse from(Subscription.State state, PlanResponse plan, boolean active) {
      return new SubscriptionResponse(
          state.id().value(),
          state.owner().map(owner -> owner.value()).orElse(null),
          state.planId().map(id -> id.value()).orElse(null),
          plan,
          state.ref().provider().key(),
          state.environment().key(),
          state.status().key(),
          active,
          state.trialEndsAt().orElse(null),
          state.renewsAt().orElse(null),
          state.endsAt().orElse(null),
          state.canceledAt().orElse(null),
          state.createdAt(),
          state.updatedAt());
    }
  }

  public record NoSubscriptionResponse(String status, boolean active, PlanResponse plan) {}

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
