package app.huberman.application.subscription;

import app.huberman.application.subscription.port.out.PlanRepository;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.domain.subscription.Environment;
import app.huberman.domain.subscription.Plan;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.subscription.SubscriptionId;
import app.huberman.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A fake {@link SubscriptionRepository}. It keeps saved states, as a database keeps rows: a loaded
 * subscription changes nothing stored until {@link #save}. Locks are not modelled, since tests run
 * on one thread.
 */
public final class InMemorySubscriptionRepository implements SubscriptionRepository {

  private final Map<SubscriptionId, Subscription.State> rows = new LinkedHashMap<>();
  private final PlanRepository plans;
  private long lastId;

  /** The plans tell which subscriptions count as premium. */
  public InMemorySubscriptionRepository(PlanRepository plans) {
    this.plans = plans;
  }

  @Override
  public Subscription lockOrStart(ProviderSubscriptionRef ref, Instant now) {
    return lockExisting(ref)
        .orElseGet(
            () -> {
              Subscription started = Subscription.start(new SubscriptionId(++lastId), ref, now);
              rows.put(started.id(), started.state());
              return started;
            });
  }

  @Override
  public Optional<Subscription> lockExisting(ProviderSubscriptionRef ref) {
    return rows.values().stream()
        .filter(state -> state.ref().equals(ref))
        .findFirst()
        .map(Subscription::rehydrate);
  }

  @Override
  public Optional<Subscription> lock(SubscriptionId id) {
    return Optional.ofNullable(rows.get(id)).map(Subscription::rehydrate);
  }

  @Override
  public void save(Subscription subscription) {
    if (!rows.containsKey(subscription.id())) {
      throw new IllegalStateException("No subscription " + subscription.id().value() + " stored");
    }
    rows.put(subscription.id(), subscription.state());
  }

  @Override
  public List<Subscription> findByOwner(UserId owner) {
    return all().stream()
        .filter(subscription -> subscription.owner().filter(owner::equals).isPresent())
        .sorted(
            Comparator.comparing((Subscription subscription) -> subscription.state().createdAt())
                .thenComparing(subscription -> subscription.id().value())
                .reversed())
        .toList();
  }

  @Override
  public List<SubscriptionId> findDueForExpiry(Instant now, int limit) {
    return all().stream()
        .filter(subscription -> subscription.isDueForExpiry(now))
        .map(Subscription::id)
        .limit(limit)
        .toList();
  }

  @Override
  public Map<Environment, Long> countGrantingPremiumAccess(Instant now) {
    return all().stream()
        .filter(subscription -> subscription.grantsAccessAt(now))
        .filter(
            subscription ->
                subscription.planId().flatMap(plans::findById).filter(Plan::isPremium).isPresent())
        .collect(Collectors.groupingBy(Subscription::environment, Collectors.counting()));
  }

  /** Every stored subscription, as saved. */
  public List<Subscription> all() {
    return rows.values().stream().map(Subscription::rehydrate).toList();
  }
}
