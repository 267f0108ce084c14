package app.huberman.domain.subscription;

import static app.huberman.domain.subscription.SubscriptionStatus.ACTIVE;
import static app.huberman.domain.subscription.SubscriptionStatus.CANCELED;
import static app.huberman.domain.subscription.SubscriptionStatus.EXPIRED;
import static app.huberman.domain.subscription.SubscriptionStatus.INCOMPLETE;
import static app.huberman.domain.subscription.SubscriptionStatus.PAST_DUE;
import static app.huberman.domain.subscription.SubscriptionStatus.TRIALING;
import static app.huberman.domain.subscription.SubscriptionTestData.FREE;
import static app.huberman.domain.subscription.SubscriptionTestData.PREMIUM;
import static app.huberman.domain.subscription.SubscriptionTestData.PREMIUM_ID;
import static app.huberman.domain.subscription.SubscriptionTestData.REF;
import static app.huberman.domain.subscription.SubscriptionTestData.T0;
import static app.huberman.domain.subscription.SubscriptionTestData.aNewSubscription;
import static app.huberman.domain.subscription.SubscriptionTestData.aSubscriptionWith;
import static app.huberman.domain.subscription.SubscriptionTestData.event;
import static app.huberman.domain.subscription.SubscriptionTestData.linkOnly;
import static app.huberman.domain.subscription.SubscriptionTestData.minutes;
import static app.huberman.domain.subscription.SubscriptionTestData.withBookkeeping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.domain.subscription.EventOutcome.Result;
import app.huberman.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

  private static final UserId ADA = UserId.of(7);
  private static final UserId BOB = UserId.of(8);
  private static final Instant END = minutes(60);
  private static final LapsePolicy LAPSE = new LapsePolicy(Duration.ofMinutes(30));
  private static final Instant LAPSE_AT = minutes(90);

  private static Entitlement entitlementAt(Subscription subscription, Instant now) {
    return subscription.entitlementAt(now, Optional.of(PREMIUM), FREE, LAPSE);
  }

  private static void assertPremiumUntil(Subscription subscription, Instant now, Instant end) {
    assertThat(subscription.grantsAccessAt(now, LAPSE)).isTrue();
    assertThat(entitlementAt(subscription, now))
        .isEqualTo(
            new Entitlement(true, PREMIUM.slug(), PREMIUM.features(), Optional.ofNullable(end)));
  }

  private static void assertFree(Subscription subscription, Instant now) {
    assertThat(subscription.grantsAccessAt(now, LAPSE)).isFalse();
    assertThat(entitlementAt(subscription, now)).isEqualTo(Entitlement.free(FREE));
  }

  @Nested
  class Entitlements {

    @Test
    void anIncompleteSubscriptionGrantsNothing() {
      assertFree(aNewSubscription(), T0);
    }

    @Test
    void aTrialGrantsAccessUntilItsEndExclusive() {
      Subscription trial = aSubscriptionWith(Observation.of(TRIALING).withTrialEnd(END));

      assertPremiumUntil(trial, END.minusNanos(1), END);
      assertFree(trial, END);
    }

    @Test
    void aTrialWithNoKnownEndGrantsAccess() {
      assertPremiumUntil(aSubscriptionWith(Observation.of(TRIALING)), minutes(10_000), null);
    }

    @Test
    void anActiveSubscriptionGrantsAccessPastItsRenewalUntilTheLapseGraceRunsOutExclusive() {
      Subscription active = aSubscriptionWith(Observation.of(ACTIVE).withRenewal(END));

      assertPremiumUntil(active, T0, END);
      assertPremiumUntil(active, END.minusNanos(1), END);
      assertPremiumUntil(active, END, LAPSE_AT);
      assertPremiumUntil(active, LAPSE_AT.minusNanos(1), LAPSE_AT);
      assertFree(active, LAPSE_AT);
      assertFree(active, LAPSE_AT.plusSeconds(86_400 * 365));
    }

    @Test
    void anActiveSubscriptionWithNoKnownRenewalGrantsAccess() {
      assertPremiumUntil(aSubscriptionWith(Observation.of(ACTIVE)), minutes(1_000_000), null);
    }

    @Test
    void withNoGraceAnActiveSubscriptionLapsesAtItsRenewal() {
      Subscription active = aSubscriptionWith(Observation.of(ACTIVE).withRenewal(END));
      LapsePolicy none = new LapsePolicy(Duration.ZERO);

      assertThat(active.grantsAccessAt(END.minusNanos(1), none)).isTrue();
      assertThat(active.grantsAccessAt(END, none)).isFalse();
      assertThat(active.isDueForExpiry(END, none)).isTrue();
    }

    @Test
    void pastDueGrantsAccessUntilTheGraceEndExclusive() {
      Subscription pastDue = aSubscriptionWith(Observation.of(PAST_DUE).withGraceEnd(END));

      assertPremiumUntil(pastDue, END.minusNanos(1), END);
      assertFree(pastDue, END);
    }

    @Test
    void pastDueWithNoGraceGrantsNothing() {
      assertFree(aSubscriptionWith(Observation.of(PAST_DUE)), T0);
    }

    @Test
    void aCanceledSubscriptionGrantsAccessUntilItsEndExclusive() {
      Subscription canceled =
          aSubscriptionWith(Observation.of(CANCELED).withEnd(END).withCancellation(T0));

      assertPremiumUntil(canceled, END.minusNanos(1), END);
      assertFree(canceled, END);
    }

    @Test
    void aCanceledSubscriptionWithNoEndGrantsNothing() {
      assertFree(aSubscriptionWith(Observation.of(CANCELED)), T0);
    }

    @Test
    void anExpiredSubscriptionGrantsNothing() {
      assertFree(aSubscriptionWith(Observation.of(EXPIRED).withEnd(END)), T0);
    }

    @Test
    void accessOnTheFreePlanOrAnUnknownPlanIsNotPremium() {
      Subscription active = aSubscriptionWith(Observation.of(ACTIVE));

      assertThat(active.grantsAccessAt(T0, LAPSE)).isTrue();
      assertThat(active.entitlementAt(T0, Optional.of(FREE), FREE, LAPSE))
          .isEqualTo(Entitlement.free(FREE));
      assertThat(active.entitlementAt(T0, Optional.empty(), FREE, LAPSE))
          .isEqualTo(Entitlement.free(FREE));
    }
  }

  @Nested
  class Expiry {

    private static void assertExpiresAt(Subscription subscription, Instant due) {
      SubscriptionStatus before = subscription.status();
      assertThat(subscription.isDueForExpiry(due.minusNanos(1), LAPSE)).isFalse();
      assertThat(subscription.expireIfDue(due.minusNanos(1), LAPSE)).isEmpty();
      assertThat(subscription.status()).isEqualTo(before);

      assertThat(subscription.isDueForExpiry(due, LAPSE)).isTrue();
      assertThat(subscription.expireIfDue(due, LAPSE)).contains(new StatusChange(before, EXPIRED));
      assertThat(subscription.status()).isEqualTo(EXPIRED);
      assertThat(subscription.state().updatedAt()).isEqualTo(due);
      assertThat(subscription.expireIfDue(due.plusSeconds(60), LAPSE)).isEmpty();
    }

    @Test
    void aCanceledSubscriptionExpiresAtItsEnd() {
      Subscription canceled = aSubscriptionWith(Observation.of(CANCELED).withEnd(END));

      assertExpiresAt(canceled, END);
      assertThat(canceled.state().endsAt()).contains(END);
    }

    @Test
    void pastDueExpiresAtTheGraceEndAndThenEndsThere() {
      Subscription pastDue = aSubscriptionWith(Observation.of(PAST_DUE).withGraceEnd(END));

      assertExpiresAt(pastDue, END);
      assertThat(pastDue.state().endsAt()).contains(END);
    }

    @Test
    void aTrialExpiresAtItsEnd() {
      assertExpiresAt(aSubscriptionWith(Observation.of(TRIALING).withTrialEnd(END)), END);
    }

    @Test
    void withNoKnownEndCanceledAndPastDueAreDueAtOnce() {
      Subscription canceled = aSubscriptionWith(Observation.of(CANCELED));
      Subscription pastDue = aSubscriptionWith(Observation.of(PAST_DUE));

      assertThat(canceled.expireIfDue(T0, LAPSE)).contains(new StatusChange(CANCELED, EXPIRED));
      assertThat(pastDue.expireIfDue(T0, LAPSE)).contains(new StatusChange(PAST_DUE, EXPIRED));
      assertThat(canceled.state().endsAt()).contains(T0);
    }

    @Test
    void anActiveSubscriptionLapsesAtItsRenewalPlusTheGraceAndEndsThere() {
      Subscription active = aSubscriptionWith(Observation.of(ACTIVE).withRenewal(END));

      assertExpiresAt(active, LAPSE_AT);
      assertThat(active.state().endsAt()).contains(LAPSE_AT);
      assertThat(active.state().renewsAt()).contains(END);
    }

    @Test
    void anActiveSubscriptionIsOverdueForRenewalFromItsRenewalUntilItLapses() {
      Subscription active = aSubscriptionWith(Observation.of(ACTIVE).withRenewal(END));

      assertThat(active.isOverdueForRenewal(END.minusNanos(1))).isFalse();
      assertThat(active.isOverdueForRenewal(END)).isTrue();
      assertThat(active.isOverdueForRenewal(LAPSE_AT.minusNanos(1))).isTrue();
      active.expireIfDue(LAPSE_AT, LAPSE);
      assertThat(active.isOverdueForRenewal(LAPSE_AT)).isFalse();
      assertThat(aSubscriptionWith(Observation.of(ACTIVE)).isOverdueForRenewal(LAPSE_AT)).isFalse();
      assertThat(aSubscriptionWith(Observation.of(CANCELED).withEnd(END)).isOverdueForRenewal(END))
          .isFalse();
    }

    @Test
    void aLateRenewalRestoresAccessToALapsedSubscriptionAsItWouldHaveBefore() {
      Subscription lapsed = aSubscriptionWith(Observation.of(ACTIVE).withRenewal(END));
      assertThat(lapsed.expireIfDue(LAPSE_AT, LAPSE)).contains(new StatusChange(ACTIVE, EXPIRED));
      assertFree(lapsed, LAPSE_AT);
      Instant nextRenewal = minutes(60 + 43_200);

      EventOutcome outcome =
          lapsed.apply(
              event(
                  "evt_late_renewal", minutes(59), Observation.of(ACTIVE).withRenewal(nextRenewal)),
              Optional.of(PREMIUM_ID),
              Optional.empty(),
              minutes(120));

      assertThat(outcome.result()).isEqualTo(Result.APPLIED);
      assertThat(outcome.statusChange()).contains(new StatusChange(EXPIRED, ACTIVE));
      assertPremiumUntil(lapsed, minutes(120), nextRenewal);
      assertThat(lapsed.state().endsAt()).isEmpty();
    }

    @Test
    void incompleteExpiredOpenEndedActiveAndOpenEndedTrialsNeverExpireByTheClock() {
      Instant farFuture = minutes(1_000_000);
      for (Subscription subscription :
          new Subscription[] {
            aNewSubscription(),
            aSubscriptionWith(Observation.of(ACTIVE)),
            aSubscriptionWith(Observation.of(EXPIRED).withEnd(END)),
            aSubscriptionWith(Observation.of(TRIALING))
          }) {
        SubscriptionStatus before = subscription.status();
        assertThat(subscription.isDueForExpiry(farFuture, LAPSE)).isFalse();
        assertThat(subscription.expireIfDue(farFuture, LAPSE)).isEmpty();
        assertThat(subscription.status()).isEqualTo(before);
      }
    }

    @Test
    void aRenewalReportedAfterExpiryStillApplies() {
      Subscription canceled = aSubscriptionWith(Observation.of(CANCELED).withEnd(END));
      canceled.expireIfDue(END, LAPSE);

      EventOutcome outcome =
          canceled.apply(
              event("evt_renewed", minutes(61), Observation.of(ACTIVE).withRenewal(minutes(90))),
              Optional.of(PREMIUM_ID),
              Optional.empty(),
              minutes(62));

      assertThat(outcome.statusChange()).contains(new StatusChange(EXPIRED, ACTIVE));
      assertThat(canceled.grantsAccessAt(minutes(62), LAPSE)).isTrue();
    }
  }

  @Nested
  class Ownership {

    @Test
    void theFirstOwnerStays() {
      Subscription subscription = aNewSubscription();

      assertThat(subscription.isOwnedByAnotherThan(ADA)).isFalse();
      assertThat(subscription.bindTo(ADA, minutes(1))).isTrue();
      assertThat(subscription.state().updatedAt()).isEqualTo(minutes(1));
      assertThat(subscription.bindTo(ADA, minutes(2))).isFalse();
      assertThat(subscription.bindTo(BOB, minutes(3))).isFalse();

      assertThat(subscription.owner()).contains(ADA);
      assertThat(subscription.isOwnedByAnotherThan(ADA)).isFalse();
      assertThat(subscription.isOwnedByAnotherThan(BOB)).isTrue();
      assertThat(subscription.state().updatedAt()).isEqualTo(minutes(1));
    }

    @Test
    void anEventNamingTheOwnerBindsEvenWhenItChangesNothingElse() {
      Subscription subscription = aSubscriptionWith(Observation.of(ACTIVE));

      EventOutcome link =
          subscription.apply(
              linkOnly("evt_link", minutes(-5), UUID.randomUUID()),
              Optional.empty(),
              Optional.of(ADA),
              minutes(1));
      EventOutcome other =
          subscription.apply(
              event("evt_late", minutes(-1), Observation.of(CANCELED)),
              Optional.empty(),
              Optional.of(BOB),
              minutes(2));

      assertThat(link).isEqualTo(new EventOutcome(Result.NO_OBSERVATION, Optional.empty(), true));
      assertThat(other).isEqualTo(new EventOutcome(Result.STALE, Optional.empty(), false));
      assertThat(subscription.owner()).contains(ADA);
      assertThat(subscription.status()).isEqualTo(ACTIVE);
    }
  }

  @Nested
  class Environments {

    private final Observation active = Observation.of(ACTIVE).withRenewal(END);

    @Test
    void aSubscriptionIsPaidForUntilAnEventSaysItCameFromTheSandbox() {
      Subscription subscription = aNewSubscription();
      assertThat(subscription.environment()).isEqualTo(Environment.PRODUCTION);

      subscription.apply(
          event("evt_1", minutes(1), active).in(Environment.SANDBOX),
          Optional.of(PREMIUM_ID),
          Optional.empty(),
          minutes(2));

      assertThat(subscription.environment()).isEqualTo(Environment.SANDBOX);
      assertThat(subscription.state().environment()).isEqualTo(Environment.SANDBOX);
      assertThat(subscription.state().updatedAt()).isEqualTo(minutes(2));
      assertThat(Subscription.rehydrate(subscription.state()).environment())
          .isEqualTo(Environment.SANDBOX);
    }

    @Test
    void aSandboxSubscriptionGetsNoLapseGrace() {
      Subscription sandbox = aNewSubscription();
      sandbox.apply(
          event("evt_1", minutes(1), active).in(Environment.SANDBOX),
          Optional.of(PREMIUM_ID),
          Optional.empty(),
          minutes(2));

      assertThat(sandbox.grantsAccessAt(END.minusNanos(1), LAPSE)).isTrue();
      assertThat(sandbox.grantsAccessAt(END, LAPSE)).isFalse();
      assertThat(sandbox.isDueForExpiry(END, LAPSE)).isTrue();
      assertThat(sandbox.expireIfDue(END, LAPSE)).isPresent();
      assertThat(sandbox.state().endsAt()).contains(END);
    }

    @Test
    void aSandboxMarkStaysWhateverOrderTheEventsArriveIn() {
      ProviderEvent paid = event("evt_1", minutes(1), active);
      ProviderEvent sandbox = event("evt_2", minutes(2), active).in(Environment.SANDBOX);
      ProviderEvent voided = event("evt_3", minutes(3), Observation.revoked(minutes(3)));

      for (List<ProviderEvent> delivery :
          List.of(
              List.of(paid, sandbox, voided),
              List.of(voided, sandbox, paid),
              List.of(sandbox, voided, paid),
              List.of(voided, paid, sandbox))) {
        Subscription subscription = aNewSubscription();
        delivery.forEach(
            e -> subscription.apply(e, Optional.empty(), Optional.empty(), minutes(4)));

        assertThat(subscription.environment())
            .as(delivery.toString())
            .isEqualTo(Environment.SANDBOX);
      }
    }
  }

  @Nested
  class EventOrder {

    @Test
    void aNewSubscriptionTakesTheFirstObservationAndItsPlan() {
      Subscription subscription = aNewSubscription();

      EventOutcome outcome =
          subscription.apply(
              event("evt_1", minutes(1), Observation.of(TRIALING).withTrialEnd(END)),
              Optional.of(PREMIUM_ID),
              Optional.empty(),
              minutes(2));

      assertThat(outcome)
          .isEqualTo(
              new EventOutcome(
                  Result.APPLIED, Optional.of(new StatusChange(INCOMPLETE, TRIALING)), false));
      assertThat(subscription.planId()).contains(PREMIUM_ID);
      assertThat(subscription.state().lastEventAt()).contains(minutes(1));
      assertThat(subscription.state().lastEventId()).contains("evt_1");
      assertThat(subscription.state().updatedAt()).isEqualTo(minutes(2));
    }

    @Test
    void anOlderEventIsStaleAndTheSameEventAgainIsADuplicate() {
      Subscription subscription = aNewSubscription();
      ProviderEvent newer = event("evt_2", minutes(2), Observation.of(CANCELED).withEnd(END));
      subscription.apply(newer, Optional.empty(), Optional.empty(), minutes(3));
      Subscription.State before = subscription.state();

      EventOutcome older =
          subscription.apply(
              event("evt_1", minutes(1), Observation.of(ACTIVE)),
              Optional.empty(),
              Optional.empty(),
              minutes(4));
      EventOutcome again =
          subscription.apply(newer, Optional.empty(), Optional.empty(), minutes(5));

      assertThat(older.result()).isEqualTo(Result.STALE);
      assertThat(again.result()).isEqualTo(Result.DUPLICATE);
      assertThat(subscription.state()).isEqualTo(before);
    }

    @Test
    void thePlanComesFromTheNewestEventNamingAProductWhateverArrivesFirst() {
      PlanId annual = PlanId.of(3);
      ProviderEvent monthly = event("evt_1", minutes(1), Observation.of(ACTIVE));
      ProviderEvent upgraded = event("evt_2", minutes(2), Observation.of(ACTIVE));
      ProviderEvent refund = event("evt_3", minutes(3), Observation.revoked(minutes(3)));
      Subscription inOrder = aNewSubscription();
      inOrder.apply(monthly, Optional.of(PREMIUM_ID), Optional.empty(), minutes(4));
      inOrder.apply(upgraded, Optional.of(annual), Optional.empty(), minutes(4));
      inOrder.apply(refund, Optional.empty(), Optional.empty(), minutes(4));
      Subscription refundFirst = aNewSubscription();
      refundFirst.apply(refund, Optional.empty(), Optional.empty(), minutes(4));
      refundFirst.apply(upgraded, Optional.of(annual), Optional.empty(), minutes(4));
      refundFirst.apply(monthly, Optional.of(PREMIUM_ID), Optional.empty(), minutes(4));

      assertThat(inOrder.planId()).contains(annual);
      assertThat(refundFirst.planId()).contains(annual);
      assertThat(refundFirst.status()).isEqualTo(EXPIRED);
      assertThat(refundFirst.state()).isEqualTo(inOrder.state());
    }

    @Test
    void eventsAtTheSameTimeAreOrderedByTheirIds() {
      Subscription ab = aNewSubscription();
      Subscription ba = aNewSubscription();
      ProviderEvent a = event("evt_a", minutes(1), Observation.of(ACTIVE));
      ProviderEvent b = event("evt_b", minutes(1), Observation.of(CANCELED).withEnd(END));

      ab.apply(a, Optional.empty(), Optional.empty(), minutes(2));
      ab.apply(b, Optional.empty(), Optional.empty(), minutes(2));
      ba.apply(b, Optional.empty(), Optional.empty(), minutes(2));
      EventOutcome late = ba.apply(a, Optional.empty(), Optional.empty(), minutes(2));

      assertThat(late.result()).isEqualTo(Result.STALE);
      assertThat(ab.state()).isEqualTo(ba.state());
      assertThat(ab.status()).isEqualTo(CANCELED);
    }

    @Test
    void anEventWithoutAKnownPlanKeepsThePlan() {
      Subscription subscription = aSubscriptionWith(Observation.of(ACTIVE));

      subscription.apply(
          event("evt_2", minutes(1), Observation.of(ACTIVE).withProduct("price_unknown")),
          Optional.empty(),
          Optional.empty(),
          minutes(1));

      assertThat(subscription.planId()).contains(PREMIUM_ID);
    }

    @Test
    void theEndNeverMovesBackExceptForARevocation() {
      Subscription subscription =
          aSubscriptionWith(Observation.of(CANCELED).withEnd(END).withCancellation(T0));

      subscription.apply(
          event("evt_2", minutes(1), Observation.of(CANCELED).withEnd(minutes(30))),
          Optional.empty(),
          Optional.empty(),
          minutes(1));
      assertThat(subscription.state().endsAt()).contains(END);

      subscription.apply(
          event("evt_3", minutes(2), Observation.of(CANCELED).withEnd(minutes(90))),
          Optional.empty(),
          Optional.empty(),
          minutes(2));
      assertThat(subscription.state().endsAt()).contains(minutes(90));

      EventOutcome refund =
          subscription.apply(
              event("evt_4", minutes(3), Observation.revoked(minutes(3))),
              Optional.empty(),
              Optional.empty(),
              minutes(3));
      assertThat(refund.statusChange()).contains(new StatusChange(CANCELED, EXPIRED));
      assertThat(subscription.state().endsAt()).contains(minutes(3));
      assertThat(subscription.state().canceledAt()).contains(minutes(3));
      assertFree(subscription, minutes(3));
    }

    @Test
    void refusesAnEventAboutAnotherSubscription() {
      ProviderEvent other =
          new ProviderEvent(
              new ProviderSubscriptionRef(PaymentProvider.APPLE, REF.id()),
              "evt_1",
              "DID_RENEW",
              T0,
              Optional.empty(),
              Optional.of(Observation.of(ACTIVE)));

      assertThatThrownBy(
              () -> aNewSubscription().apply(other, Optional.empty(), Optional.empty(), T0))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void rehydratesWhatItSaved() {
    Subscription subscription =
        aSubscriptionWith(
            Observation.of(PAST_DUE).withRenewal(END).withGraceEnd(minutes(30)).withProduct("p"));
    subscription.bindTo(ADA, minutes(1));

    assertThat(Subscription.rehydrate(subscription.state()).state())
        .isEqualTo(subscription.state());
  }

  @Test
  void refusesASavedStateWithHalfALastEvent() {
    Subscription.State state = aNewSubscription().state();
    Subscription.State broken =
        withBookkeeping(
            state, Optional.of(T0), Optional.empty(), state.createdAt(), state.updatedAt());

    assertThatThrownBy(() -> Subscription.rehydrate(broken))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
