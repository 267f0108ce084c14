package app.huberman.application.subscription;

import app.huberman.application.subscription.port.out.PlanRepository;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.domain.subscription.Environment;
import app.huberman.domain.subscription.LapsePolicy;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.Plan;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.subscription.SubscriptionId;
import app.huberman.domain.subscription.SubscriptionStatus;
import app.huberman.domain.user.UserId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A fake {@link SubscriptionRepository}. It keeps saved states, as a database keeps rows: a loaded
 * subscription changes nothing stored until {@link #save}. Locks are not modelled, since tests run
 * on one thread.
 */
public final class InMemorySubscriptionRepository implements SubscriptionRepository {

  private final Map<SubscriptionId, Subscription.State> rows = new LinkedHashMap<>();
  private final Map<SubscriptionId, Instant> picks = new HashMap<>();
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
  public Optional<Subscription> find(SubscriptionId id) {
    return lock(id);
  }

  @Override
  public List<SubscriptionId> findDueForExpiry(Instant now, LapsePolicy lapse, int limit) {
    return all().stream()
        .filter(subscription -> subscription.isDueForExpiry(now, lapse))
        .map(Subscription::id)
        .limit(limit)
        .toList();
  }

  @Override
  public List<Subscription> findCanceledEndingBetween(Instant after, Instant by, int limit) {
    return all().stream()
        .filter(subscription -> subscription.status() == SubscriptionStatus.CANCELED)
        .filter(subscription -> subscription.endsAt().isPresent())
        .filter(subscription -> subscription.endsAt().get().isAfter(after))
        .filter(subscription -> !subscription.endsAt().get().isAfter(by))
        .sorted(Comparator.comparing((Subscription subscription) -> subscription.endsAt().get()))
        .limit(limit)
        .toList();
  }

  @Override
  public List<SubscriptionId> pickOverdueForRecheck(
      Instant now, Instant pickedBefore, Set<PaymentProvider> providers, int limit) {
    List<SubscriptionId> picked =
        all().stream()
            .filter(subscription -> subscription.isOverdueForRenewal(now))
            .filter(subscription -> providers.contains(subscription.ref().provider()))
            .filter(
                subscription ->
                    Optional.ofNullable(picks.get(subscription.id()))
                        .filter(at -> at.isAfter(pickedBefore))
                        .isEmpty())
            .sorted(
                Comparator.comparing(
                    (Subscription subscription) ->
                        picks.getOrDefault(subscription.id(), Instant.MIN)))
            .map(Subscription::id)
            .limit(limit)
            .toList();
    picked.forEach(id -> picks.put(id, now));
    return picked;
  }

  @Override
  public Map<Environment, Long> countGrantingPremiumAccess(Instant now, LapsePolicy lapse) {
    return all().stream()
        .filter(subscription -> subscription.grantsAccessAt(now, lapse))
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
