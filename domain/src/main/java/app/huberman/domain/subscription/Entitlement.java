package app.huberman.domain.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a user may use right now.
 *
 * @param plan the plan whose features apply (the free plan when not premium)
 * @param expiresAt when premium access ends unless renewed; empty when not premium or when it
 *     renews with no known end
 */
public record Entitlement(
    boolean premium, PlanSlug plan, List<String> features, Optional<Instant> expiresAt) {

  public Entitlement {
    Objects.requireNonNull(plan, "plan");
    features = List.copyOf(features);
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public static Entitlement free(Plan freePlan) {
    return new Entitlement(false, freePlan.slug(), freePlan.features(), Optional.empty());
  }
}
