package app.huberman.domain.subscription;

import static app.huberman.domain.subscription.SubscriptionTestData.ID;
import static app.huberman.domain.subscription.SubscriptionTestData.REF;
import static app.huberman.domain.subscription.SubscriptionTestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Providers deliver late, twice and out of order. Whatever the delivery of a realistic history, the
 * subscription ends in the state the history in order leads to.
 *
 * <p>A realistic history: provider times that never go back (ties allowed), distinct event ids,
 * observations that always name their product and whose end never moves back, except a refund or
 * revocation, which is the last event when there is one; some events only name the account.
 *
 * <p>Some observations name no product (a refund, a Play voided purchase): the plan must still come
 * out the same, whatever arrives first.
 */
class EventOrderPropertyTest {

  private static final UUID ACCOUNT_TOKEN = UUID.fromString("0b7c8f1e-6a1d-4f3e-9b6a-2d5c1e7f9a01");
  private static final UserId ADA = UserId.of(7);
  private static final Map<String, PlanId> PLANS =
      Map.of("price_monthly", PlanId.of(2), "price_annual", PlanId.of(3));

  /** One generated notification, before its time and end are laid out along the history. */
  record Step(
      int minutesAfterPrevious, String id, boolean linkOnly, boolean carriesToken, Draft draft) {}

  /** An observation's content; dates are minutes after the event, the end is a step forward. */
  record Draft(
      SubscriptionStatus status,
      Optional<String> product,
      Optional<Integer> endStep,
      Optional<Integer> trialEnd,
      Optional<Integer> renewal,
      Optional<Integer> graceEnd,
      boolean canceled) {}

  /** The history in provider order, and one delivery of it. */
  record Scenario(List<ProviderEvent> history, List<ProviderEvent> delivery) {}

  @Property(tries = 500)
  void anyDeliveryEndsInTheStateOfTheHistoryInOrder(@ForAll("scenarios") Scenario scenario) {
    Statistics.label("duplicates").collect(scenario.delivery().size() > scenario.history().size());
    Statistics.label("revoked")
        .collect(
            scenario.history().getLast().observation().filter(Observation::revocation).isPresent());

    assertThat(comparable(applied(scenario.delivery())))
        .isEqualTo(comparable(applied(scenario.history())));
  }

  @Property(tries = 200)
  void applyingAHistoryTwiceChangesNothing(@ForAll("histories") List<ProviderEvent> history) {
    Subscription once = applied(history);
    Subscription.State afterOnce = once.state();

    applyAll(once, history);

    assertThat(once.state()).isEqualTo(afterOnce);
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return histories()
        .flatMap(
            history ->
                Arbitraries.of(history)
                    .list()
                    .ofMaxSize(history.size())
                    .flatMap(
                        again -> {
                          List<ProviderEvent> all = new ArrayList<>(history);
                          all.addAll(again);
                          return Arbitraries.shuffle(all);
                        })
                    .map(delivery -> new Scenario(history, delivery)));
  }

  @Provide
  Arbitrary<List<ProviderEvent>> histories() {
    return Combinators.combine(
            steps().list().ofMinSize(1).ofMaxSize(10).uniqueElements(Step::id),
            Arbitraries.integers().between(0, 3).map(quarter -> quarter == 0))
        .as(EventOrderPropertyTest::laidOut);
  }

  private static Arbitrary<Step> steps() {
    Arbitrary<Draft> drafts =
        Combinators.combine(
                Arbitraries.of(SubscriptionStatus.class),
                Arbitraries.of(PLANS.keySet()).optional(0.8),
                Arbitraries.integers().between(0, 3 * 24 * 60).optional(0.7),
                Arbitraries.integers().between(-60, 14 * 24 * 60).optional(0.3),
                Arbitraries.integers().between(-60, 31 * 24 * 60).optional(0.6),
                Arbitraries.integers().between(-60, 7 * 24 * 60).optional(0.3),
                Arbitraries.of(true, false))
            .as(Draft::new);
    return Combinators.combine(
            Arbitraries.integers().between(0, 3),
            Arbitraries.strings().withCharRange('a', 'f').ofMinLength(1).ofMaxLength(3),
            Arbitraries.integers().between(0, 4).map(kind -> kind == 0),
            Arbitraries.of(true, false),
            drafts)
        .as(Step::new);
  }

  /**
   * Gives the steps their provider times, orders them as the provider does (time, then id), and
   * lays the observations' ends along that order so they never move back.
   */
  private static List<ProviderEvent> laidOut(List<Step> steps, boolean endsWithRevocation) {
    record Timed(Instant at, Step step) {}
    List<Timed> timed = new ArrayList<>();
    Instant at = T0;
    for (Step step : steps) {
      at = at.plus(Duration.ofMinutes(step.minutesAfterPrevious()));
      timed.add(new Timed(at, step));
    }
    timed.sort(Comparator.comparing(Timed::at).thenComparing(t -> t.step().id()));

    List<ProviderEvent> history = new ArrayList<>();
    Instant end = T0.plus(Duration.ofDays(30));
    for (int i = 0; i < timed.size(); i++) {
      Timed next = timed.get(i);
      Step step = next.step();
      Optional<UUID> token =
          step.carriesToken() || step.linkOnly() ? Optional.of(ACCOUNT_TOKEN) : Optional.empty();
      Optional<Observation> observation;
      if (endsWithRevocation && i == timed.size() - 1) {
        observation =
            Optional.of(
                Observation.revoked(next.at()).withProduct(step.draft().product().orElse(null)));
      } else if (step.linkOnly()) {
        observation = Optional.empty();
      } else {
        Draft draft = step.draft();
        Optional<Instant> observedEnd = Optional.empty();
        if (draft.endStep().isPresent()) {
          end = end.plus(Duration.ofMinutes(draft.endStep().get()));
          observedEnd = Optional.of(end);
        }
        observation = Optional.of(observed(draft, next.at(), observedEnd));
      }
      history.add(new ProviderEvent(REF, step.id(), "test", next.at(), token, observation));
    }
    return List.copyOf(history);
  }

  private static Observation observed(Draft draft, Instant at, Optional<Instant> end) {
    Observation observation =
        Observation.of(draft.status())
            .withProduct(draft.product().orElse(null))
            .withTrialEnd(after(at, draft.trialEnd()))
            .withRenewal(after(at, draft.renewal()))
            .withGraceEnd(after(at, draft.graceEnd()))
            .withEnd(end.orElse(null));
    return draft.canceled() ? observation.withCancellation(at) : observation;
  }

  private static Instant after(Instant at, Optional<Integer> minutes) {
    return minutes.map(m -> at.plus(Duration.ofMinutes(m))).orElse(null);
  }

  private static Subscription applied(List<ProviderEvent> delivery) {
    Subscription subscription = Subscription.start(ID, REF, T0);
    applyAll(subscription, delivery);
    return subscription;
  }

  private static void applyAll(Subscription subscription, List<ProviderEvent> delivery) {
    Instant now = T0;
    for (ProviderEvent event : delivery) {
      now = now.plusSeconds(1);
      Optional<PlanId> plan = event.observation().flatMap(Observation::productId).map(PLANS::get);
      subscription.apply(event, plan, event.accountToken().map(token -> ADA), now);
    }
  }

  /** The state without its bookkeeping times, which depend on when events arrived. */
  private static Subscription.State comparable(Subscription subscription) {
    Subscription.State state = subscription.state();
    return SubscriptionTestData.withBookkeeping(
        state, state.lastEventAt(), state.lastEventId(), T0, T0);
  }
}
