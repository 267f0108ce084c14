package app.huberman.application.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.domain.subscription.Environment;
import app.huberman.domain.subscription.LapsePolicy;
import app.huberman.domain.subscription.Observation;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.PlanId;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.subscription.SubscriptionId;
import app.huberman.domain.subscription.SubscriptionStatus;
import app.huberman.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SubscriptionRepository} must do. The in-memory fake and the JDBC adapter both
 * extend it, so service tests that use the fake say something true about production. Every call
 * runs inside {@link #transactions()}, as the use cases run it. Times have whole microseconds, as
 * PostgreSQL keeps them.
 */
public abstract class SubscriptionRepositoryContract {

  protected static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456Z");
  private static final Instant NOW = T0.plus(Duration.ofDays(10));
  private static final LapsePolicy LAPSE = new LapsePolicy(Duration.ofHours(1));

  private final AtomicInteger refs = new AtomicInteger();
  private SubscriptionRepository subscriptions;

  /** A repository that stores no subscription. */
  protected abstract SubscriptionRepository emptyRepository();

  /** The transaction boundary the repository's calls run in. */
  protected abstract UnitOfWorkPort transactions();

  /** A user the repository accepts as an owner; a different one each call. */
  protected abstract UserId aStoredUser();

  /** A plan the repository knows with a price above zero. */
  protected abstract PlanId aPremiumPlan();

  /** A plan the repository knows that is free. */
  protected abstract PlanId theFreePlan();

  @BeforeEach
  void startEmpty() {
    subscriptions = emptyRepository();
  }

  @Test
  void startsASubscriptionItHasNotSeenAsIncompleteWithNoOwnerOrPlan() {
    ProviderSubscriptionRef ref = new ProviderSubscriptionRef(PaymentProvider.STRIPE, "sub_1");

    Subscription started = tx(() -> subscriptions.lockOrStart(ref, T0));

    Subscription.State state = started.state();
    assertThat(state.ref()).isEqualTo(ref);
    assertThat(state.status()).isEqualTo(SubscriptionStatus.INCOMPLETE);
    assertThat(state.environment()).isEqualTo(Environment.PRODUCTION);
    assertThat(state.owner()).isEmpty();
    assertThat(state.planId()).isEmpty();
    assertThat(state.lastEventId()).isEmpty();
    assertThat(state.createdAt()).isEqualTo(T0);
    assertThat(state.updatedAt()).isEqualTo(T0);
    assertThat(tx(() -> subscriptions.lock(started.id()))).map(Subscription::state).contains(state);
  }

  @Test
  void findsTheSubscriptionItStartedForTheSameReference() {
    ProviderSubscriptionRef ref = aRef(PaymentProvider.APPLE);
    Subscription first = tx(() -> subscriptions.lockOrStart(ref, T0));

    Subscription again = tx(() -> subscriptions.lockOrStart(ref, T0.plusSeconds(60)));

    assertThat(again.state()).isEqualTo(first.state());
  }

  @Test
  void locksAnExistingSubscriptionWithoutEverStartingOne() {
    ProviderSubscriptionRef ref = aRef(PaymentProvider.APPLE);

    assertThat(tx(() -> subscriptions.lockExisting(ref))).isEmpty();
    assertThat(tx(() -> subscriptions.lockExisting(ref))).isEmpty();
    Subscription started = tx(() -> subscriptions.lockOrStart(ref, T0));

    assertThat(tx(() -> subscriptions.lockExisting(ref)))
        .map(Subscription::state)
        .contains(started.state());
  }

  @Test
  void keepsTheSandboxMark() {
    Subscription saved =
        stored(
            aRef(PaymentProvider.APPLE),
            Observation.of(SubscriptionStatus.ACTIVE),
            Environment.SANDBOX,
            Optional.empty(),
            Optional.empty());

    Subscription.State state = tx(() -> subscriptions.lock(saved.id())).orElseThrow().state();
    assertThat(state.environment()).isEqualTo(Environment.SANDBOX);
    assertThat(state).isEqualTo(saved.state());
  }

  @Test
  void theSameIdAtAnotherProviderIsAnotherSubscription() {
    Subscription apple =
        tx(
            () ->
                subscriptions.lockOrStart(
                    new ProviderSubscriptionRef(PaymentProvider.APPLE, "1"), T0));
    Subscription google =
        tx(
            () ->
                subscriptions.lockOrStart(
                    new ProviderSubscriptionRef(PaymentProvider.GOOGLE, "1"), T0));

    assertThat(google.id()).isNotEqualTo(apple.id());
  }

  @Test
  void storesEveryFieldItSaves() {
    UserId owner = aStoredUser();
    PlanId plan = aPremiumPlan();
    Observation observation =
        Observation.of(SubscriptionStatus.PAST_DUE)
            .withTrialEnd(T0.plusSeconds(1))
            .withRenewal(T0.plusSeconds(2))
            .withEnd(T0.plusSeconds(3))
            .withGraceEnd(T0.plusSeconds(4))
            .withCancellation(T0.plusSeconds(5));

    Subscription saved =
        stored(aRef(PaymentProvider.GOOGLE), observation, Optional.of(plan), Optional.of(owner));

    Subscription.State state = tx(() -> subscriptions.lock(saved.id())).orElseThrow().state();
    assertThat(state).isEqualTo(saved.state());
    assertThat(state.owner()).contains(owner);
    assertThat(state.planId()).contains(plan);
    assertThat(state.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
    assertThat(state.canceledAt()).contains(T0.plusSeconds(5));
    assertThat(state.lastEventAt()).contains(T0.plusSeconds(30));
    assertThat(state.updatedAt()).isEqualTo(T0.plusSeconds(30));
  }

  @Test
  void storesSavesOneAfterAnother() {
    ProviderSubscriptionRef ref = aRef(PaymentProvider.STRIPE);
    stored(ref, Observation.of(SubscriptionStatus.TRIALING), Optional.empty(), Optional.empty());

    Subscription later =
        tx(
            () -> {
              Subscription subscription = subscriptions.lockOrStart(ref, NOW);
              subscription.apply(
                  event(ref, "evt_later", NOW, Observation.of(SubscriptionStatus.ACTIVE)),
                  Optional.of(aPremiumPlan()),
                  Optional.empty(),
                  NOW);
              subscriptions.save(subscription);
              return subscription;
            });

    assertThat(tx(() -> subscriptions.lockOrStart(ref, NOW)).state()).isEqualTo(later.state());
  }

  @Test
  void storesNothingOfAChangeThatIsNotSaved() {
    ProviderSubscriptionRef ref = aRef(PaymentProvider.STRIPE);
    Subscription started = tx(() -> subscriptions.lockOrStart(ref, T0));

    tx(
        () ->
            subscriptions
                .lockOrStart(ref, T0)
                .apply(
                    event(ref, "evt_unsaved", T0, Observation.of(SubscriptionStatus.ACTIVE)),
                    Optional.empty(),
                    Optional.of(aStoredUser()),
                    T0));

    assertThat(tx(() -> subscriptions.lock(started.id())))
        .map(Subscription::state)
        .contains(started.state());
  }

  @Test
  void locksNothingForAnUnknownId() {
    Subscription started = tx(() -> subscriptions.lockOrStart(aRef(PaymentProvider.APPLE), T0));

    assertThat(tx(() -> subscriptions.lock(new SubscriptionId(started.id().value() + 1000))))
        .isEmpty();
  }

  @Test
  void refusesToSaveASubscriptionItDoesNotStore() {
    Subscription never =
        Subscription.start(new SubscriptionId(987_654_321L), aRef(PaymentProvider.STRIPE), T0);

    assertThatThrownBy(() -> tx(() -> save(never))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void findsAnOwnersSubscriptionsNewestFirstAndNoOneElses() {
    UserId owner = aStoredUser();
    UserId someoneElse = aStoredUser();
    Subscription oldest = startedBy(owner, T0);
    Subscription newest = startedBy(owner, T0.plusSeconds(120));
    Subscription middle = startedBy(owner, T0.plusSeconds(60));
    startedBy(someoneElse, T0.plusSeconds(90));
    tx(() -> subscriptions.lockOrStart(aRef(PaymentProvider.APPLE), T0.plusSeconds(30)));

    List<Subscription> found = tx(() -> subscriptions.findByOwner(owner));

    assertThat(found)
        .extracting(Subscription::state)
        .containsExactly(newest.state(), middle.state(), oldest.state());
    assertThat(tx(() -> subscriptions.findByOwner(aStoredUser()))).isEmpty();
  }

  @Test
  void findsTheCanceledSubscriptionsEndingInAWindowSoonestFirst() {
    List<Subscription> all = new ArrayList<>(everyStatusWithEveryDate(Optional.of(aPremiumPlan())));
    Instant after = NOW.minusSeconds(1);

    List<Subscription> ending =
        tx(() -> subscriptions.findCanceledEndingBetween(after, NOW.plusSeconds(1), 10_000));

    List<SubscriptionId> expected =
        all.stream()
            .filter(s -> s.status() == SubscriptionStatus.CANCELED)
            .filter(s -> s.endsAt().filter(end -> end.isAfter(after)).isPresent())
            .filter(s -> s.endsAt().filter(end -> !end.isAfter(NOW.plusSeconds(1))).isPresent())
            .map(Subscription::id)
            .toList();
    assertThat(expected).as("the cases cover both answers").isNotEmpty();
    assertThat(ending).extracting(Subscription::id).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(ending)
        .extracting(s -> s.endsAt().orElseThrow())
        .isSortedAccordingTo(java.util.Comparator.naturalOrder());
    assertThat(tx(() -> subscriptions.findCanceledEndingBetween(after, NOW.plusSeconds(1), 2)))
        .hasSize(2);
  }

  @Test
  void findsExactlyTheSubscriptionsTheDomainSaysAreDueForExpiryInEitherEnvironment() {
    List<Subscription> all = new ArrayList<>(everyStatusWithEveryDate(Optional.of(aPremiumPlan())));
    all.addAll(everyStatusWithEveryDate(Optional.of(aPremiumPlan()), Environment.SANDBOX));

    List<SubscriptionId> due = tx(() -> subscriptions.findDueForExpiry(NOW, LAPSE, 10_000));

    List<SubscriptionId> expected =
        all.stream().filter(s -> s.isDueForExpiry(NOW, LAPSE)).map(Subscription::id).toList();
    assertThat(expected)
        .as("the cases cover both answers")
        .isNotEmpty()
        .hasSizeLessThan(all.size());
    assertThat(due).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void findsNoMoreSubscriptionsDueForExpiryThanTheLimit() {
    for (int i = 0; i < 3; i++) {
      stored(
          aRef(PaymentProvider.STRIPE),
          Observation.of(SubscriptionStatus.CANCELED).withEnd(T0),
          Optional.empty(),
          Optional.empty());
    }

    stored(
        aRef(PaymentProvider.APPLE),
        Observation.of(SubscriptionStatus.ACTIVE).withRenewal(T0),
        Optional.empty(),
        Optional.empty());

    assertThat(tx(() -> subscriptions.findDueForExpiry(NOW, LAPSE, 2))).hasSize(2);
    assertThat(tx(() -> subscriptions.findDueForExpiry(NOW, LAPSE, 5))).hasSize(4);
  }

  @Test
  void findsASubscriptionWithoutLockingItAndNothingForAnUnknownId() {
    Subscription stored =
        stored(
            aRef(PaymentProvider.APPLE),
            Observation.of(SubscriptionStatus.ACTIVE).withRenewal(NOW),
            Optional.of(aPremiumPlan()),
            Optional.of(aStoredUser()));

    assertThat(tx(() -> subscriptions.find(stored.id())))
        .map(Subscription::state)
        .contains(stored.state());
    assertThat(tx(() -> subscriptions.find(new SubscriptionId(Long.MAX_VALUE)))).isEmpty();
  }

  @Test
  void picksExactlyTheSubscriptionsTheDomainSaysAreOverdueForRenewalOfTheGivenProviders() {
    List<Subscription> all = everyStatusWithEveryDate(Optional.of(aPremiumPlan()));
    List<SubscriptionId> expected =
        all.stream().filter(s -> s.isOverdueForRenewal(NOW)).map(Subscription::id).toList();
    assertThat(expected).as("the cases cover both answers").isNotEmpty();

    assertThat(pick(NOW, Set.of(PaymentProvider.APPLE, PaymentProvider.STRIPE), 10_000)).isEmpty();
    assertThat(pick(NOW, Set.of(PaymentProvider.GOOGLE), 10_000))
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(pick(NOW, Set.of(PaymentProvider.GOOGLE), 10_000)).as("picked just now").isEmpty();
    Instant hourLater = NOW.plus(Duration.ofHours(1));
    assertThat(pick(hourLater, Set.of(PaymentProvider.GOOGLE), 10_000))
        .as("picked an hour ago, or overdue since")
        .containsExactlyInAnyOrderElementsOf(
            all.stream()
                .filter(s -> s.isOverdueForRenewal(hourLater))
                .map(Subscription::id)
                .toList());
  }

  @Test
  void picksTheLeastRecentlyPickedFirstAndNoMoreThanTheLimit() {
    List<SubscriptionId> overdue = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      overdue.add(
          stored(
                  aRef(PaymentProvider.APPLE),
                  Observation.of(SubscriptionStatus.ACTIVE).withRenewal(T0),
                  Optional.empty(),
                  Optional.empty())
              .id());
    }

    List<SubscriptionId> first = pick(NOW, Set.of(PaymentProvider.APPLE), 2);
    List<SubscriptionId> second =
        pick(NOW.plus(Duration.ofHours(1)), Set.of(PaymentProvider.APPLE), 2);

    assertThat(first).hasSize(2);
    List<SubscriptionId> neverPicked = overdue.stream().filter(id -> !first.contains(id)).toList();
    assertThat(second).hasSize(2).containsAll(neverPicked);
  }

  /** Picks as the hourly re-check does: what was not picked in the last half hour. */
  private List<SubscriptionId> pick(Instant now, Set<PaymentProvider> providers, int limit) {
    return tx(
        () ->
            subscriptions.pickOverdueForRecheck(
                now, now.minus(Duration.ofMinutes(30)), providers, limit));
  }

  @Test
  void countsTheSubscriptionsTheDomainSaysGrantAccessOnAPremiumPlanOnlyPaidAndSandboxApart() {
    List<Subscription> premium = everyStatusWithEveryDate(Optional.of(aPremiumPlan()));
    List<Subscription> sandbox =
        everyStatusWithEveryDate(Optional.of(aPremiumPlan()), Environment.SANDBOX);
    everyStatusWithEveryDate(Optional.of(theFreePlan()));
    everyStatusWithEveryDate(Optional.of(theFreePlan()), Environment.SANDBOX);
    everyStatusWithEveryDate(Optional.empty());

    Map<Environment, Long> counted = tx(() -> subscriptions.countGrantingPremiumAccess(NOW, LAPSE));

    long expected = premium.stream().filter(s -> s.grantsAccessAt(NOW, LAPSE)).count();
    assertThat(expected).as("the cases cover both answers").isPositive().isLessThan(premium.size());
    assertThat(counted)
        .containsEntry(Environment.PRODUCTION, expected)
        .containsEntry(
            Environment.SANDBOX,
            sandbox.stream().filter(s -> s.grantsAccessAt(NOW, LAPSE)).count());
  }

  /**
   * One subscription per status and combination of trial end, end and grace end: none, before
   * {@link #NOW}, at it, after it; and one per status and renewal: none, before, at and after
   * {@link #NOW} and its lapse.
   */
  private List<Subscription> everyStatusWithEveryDate(Optional<PlanId> plan) {
    return everyStatusWithEveryDate(plan, Environment.PRODUCTION);
  }

  private List<Subscription> everyStatusWithEveryDate(
      Optional<PlanId> plan, Environment environment) {
    List<Optional<Instant>> dates =
        List.of(
            Optional.empty(),
            Optional.of(NOW.minusSeconds(1)),
            Optional.of(NOW),
            Optional.of(NOW.plusSeconds(1)));
    List<Subscription> all = new ArrayList<>();
    tx(
        () -> {
          for (SubscriptionStatus status : SubscriptionStatus.values()) {
            for (Optional<Instant> trialEnd : dates) {
              for (Optional<Instant> end : dates) {
                for (Optional<Instant> graceEnd : dates) {
                  Observation observation =
                      Observation.of(status)
                          .withTrialEnd(trialEnd.orElse(null))
                          .withEnd(end.orElse(null))
                          .withGraceEnd(graceEnd.orElse(null));
                  all.add(
                      save(
                          aRef(PaymentProvider.GOOGLE),
                          observation,
                          environment,
                          plan,
                          Optional.empty()));
                }
              }
            }
            for (Instant renewal : renewals()) {
              Observation observation = Observation.of(status).withRenewal(renewal);
              all.add(
                  save(
                      aRef(PaymentProvider.GOOGLE),
                      observation,
                      environment,
                      plan,
                      Optional.empty()));
            }
          }
          return null;
        });
    return all;
  }

  private static List<Instant> renewals() {
    Instant lapsing = NOW.minus(LAPSE.grace());
    return List.of(
        lapsing.minusSeconds(1),
        lapsing,
        lapsing.plusSeconds(1),
        NOW.minusSeconds(1),
        NOW,
        NOW.plusSeconds(1));
  }

  private Subscription startedBy(UserId owner, Instant at) {
    return tx(
        () -> {
          Subscription subscription = subscriptions.lockOrStart(aRef(PaymentProvider.STRIPE), at);
          subscription.bindTo(owner, at);
          subscriptions.save(subscription);
          return subscription;
        });
  }

  /** A subscription that took one event with the given observation, saved in a transaction. */
  private Subscription stored(
      ProviderSubscriptionRef ref,
      Observation observation,
      Optional<PlanId> plan,
      Optional<UserId> owner) {
    return stored(ref, observation, Environment.PRODUCTION, plan, owner);
  }

  private Subscription stored(
      ProviderSubscriptionRef ref,
      Observation observation,
      Environment environment,
      Optional<PlanId> plan,
      Optional<UserId> owner) {
    return tx(() -> save(ref, observation, environment, plan, owner));
  }

  private Subscription save(
      ProviderSubscriptionRef ref,
      Observation observation,
      Environment environment,
      Optional<PlanId> plan,
      Optional<UserId> owner) {
    Subscription subscription = subscriptions.lockOrStart(ref, T0);
    Instant at = T0.plusSeconds(30);
    owner.ifPresent(user -> subscription.bindTo(user, at));
    subscription.apply(
        event(ref, "evt_" + ref.id(), at, observation).in(environment), plan, Optional.empty(), at);
    subscriptions.save(subscription);
    return subscription;
  }

  private Void save(Subscription subscription) {
    subscriptions.save(subscription);
    return null;
  }

  private static ProviderEvent event(
      ProviderSubscriptionRef ref, String id, Instant at, Observation observation) {
    return new ProviderEvent(ref, id, "test.event", at, Optional.empty(), Optional.of(observation));
  }

  /** A reference no other subscription of the test has. */
  protected ProviderSubscriptionRef aRef(PaymentProvider provider) {
    return new ProviderSubscriptionRef(provider, "ref-" + refs.incrementAndGet());
  }

  private <T> T tx(Supplier<T> work) {
    return transactions().atomically(work);
  }
}
