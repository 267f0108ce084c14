package app.huberman.application.subscription;

import app.huberman.domain.subscription.Observation;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.StatusChange;
import app.huberman.domain.subscription.Subscription;
import java.time.Instant;
import java.util.Optional;

/** Applies observations to stored subscriptions as provider events, each newer than the last. */
final class ProviderEvents {

  private final InMemorySubscriptionRepository subscriptions;
  private final Instant start;
  private int applied;

  ProviderEvents(InMemorySubscriptionRepository subscriptions, Instant start) {
    this.subscriptions = subscriptions;
    this.start = start;
  }

  /** Applies the observation, saves the subscription, and says how its status changed. */
  Optional<StatusChange> apply(Subscription subscription, Observation observation) {
    applied++;
    ProviderEvent event =
        new ProviderEvent(
            subscription.ref(),
            "evt_" + applied,
            "test",
            start.plusSeconds(applied),
            Optional.empty(),
            Optional.of(observation));
    Optional<StatusChange> change =
        subscription.apply(event, Optional.empty(), Optional.empty(), start).statusChange();
    subscriptions.save(subscription);
    return change;
  }
}
