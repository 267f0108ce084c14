package app.huberman.application.subscription.port.in;

import app.huberman.domain.subscription.Plan;
import app.huberman.domain.subscription.Subscription;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's subscription as the API shows it.
 *
 * @param subscription empty when the user has none (the API then shows status {@code none})
 * @param plan the subscription's plan, or the free plan when there is none or it is not known
 * @param active whether it grants premium access now
 */
public record SubscriptionView(
    Optional<Subscription.State> subscription, Plan plan, boolean active) {

  public SubscriptionView {
    Objects.requireNonNull(subscription, "subscription");
    Objects.requireNonNull(plan, "plan");
  }
}
