package app.huberman.domain.subscription;

import static app.huberman.domain.subscription.SubscriptionStatus.ACTIVE;
import static app.huberman.domain.subscription.SubscriptionStatus.CANCELED;
import static app.huberman.domain.subscription.SubscriptionStatus.EXPIRED;
import static app.huberman.domain.subscription.SubscriptionStatus.INCOMPLETE;
import static app.huberman.domain.subscription.SubscriptionStatus.PAST_DUE;
import static app.huberman.domain.subscription.SubscriptionStatus.TRIALING;
import static app.huberman.domain.subscription.SubscriptionTestData.T0;
import static app.huberman.domain.subscription.SubscriptionTestData.aSubscriptionWith;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoticePolicyTest {

  private static final Instant PERIOD_END = T0.plus(Duration.ofDays(30));
  private static final Instant NEXT_PERIOD_END = T0.plus(Duration.ofDays(60));

  private final Subscription.State active =
      aSubscriptionWith(Observation.of(ACTIVE).withRenewal(PERIOD_END)).state();
  private final Subscription.State pastDue =
      aSubscriptionWith(Observation.of(PAST_DUE).withGraceEnd(PERIOD_END.plus(Duration.ofDays(7))))
          .state();
  private final Subscription.State renewed =
      aSubscriptionWith(Observation.of(ACTIVE).withRenewal(NEXT_PERIOD_END)).state();
  private final Subscription.State ended =
      aSubscriptionWith(Observation.of(EXPIRED).withEnd(PERIOD_END)).state();

  @Test
  void aFailedRenewalIsAPaymentProblemAboutThePeriodThatFailed() {
    assertThat(change(ACTIVE, PAST_DUE, active, pastDue))
        .contains(new NoticeOccasion(NoticeKind.PAYMENT_PROBLEM, PERIOD_END.toString()));
    assertThat(change(TRIALING, PAST_DUE, active, pastDue).map(NoticeOccasion::kind))
        .contains(NoticeKind.PAYMENT_PROBLEM);
  }

  @Test
  void aPaymentProblemWithoutAKnownPeriodIsAboutItsDay() {
    Subscription.State unknown = aSubscriptionWith(Observation.of(INCOMPLETE)).state();

    assertThat(change(INCOMPLETE, PAST_DUE, unknown, pastDue))
        .contains(new NoticeOccasion(NoticeKind.PAYMENT_PROBLEM, "on 2026-03-01T00:00:00Z"));
  }

  @Test
  void aPaymentAfterAProblemIsARecoveryAboutThePeriodItPaid() {
    assertThat(change(PAST_DUE, ACTIVE, pastDue, renewed))
        .contains(new NoticeOccasion(NoticeKind.PAYMENT_RECOVERED, NEXT_PERIOD_END.toString()));
  }

  @Test
  void losingAccessIsTheEndOfPremium() {
    for (SubscriptionStatus from :
        new SubscriptionStatus[] {ACTIVE, TRIALING, PAST_DUE, CANCELED}) {
      assertThat(change(from, EXPIRED, active, ended))
          .as(from.key())
          .contains(new NoticeOccasion(NoticeKind.PREMIUM_ENDED, PERIOD_END.toString()));
    }
  }

  @Test
  void otherChangesCallForNothing() {
    assertThat(change(INCOMPLETE, ACTIVE, active, renewed)).isEmpty();
    assertThat(change(ACTIVE, CANCELED, active, renewed)).isEmpty();
    assertThat(change(INCOMPLETE, EXPIRED, active, ended)).isEmpty();
    assertThat(change(TRIALING, ACTIVE, active, renewed)).isEmpty();
  }

  @Test
  void aCanceledSubscriptionIsRemindedThreeDaysThenOneDayBeforeItsEnd() {
    Subscription.State canceled =
        aSubscriptionWith(Observation.of(CANCELED).withEnd(PERIOD_END)).state();

    assertThat(NoticePolicy.reminder(canceled, PERIOD_END.minus(Duration.ofDays(4)))).isEmpty();
    assertThat(NoticePolicy.reminder(canceled, PERIOD_END.minus(Duration.ofDays(3))))
        .contains(new NoticeOccasion(NoticeKind.PREMIUM_ENDING, PERIOD_END + "/3d"));
    assertThat(NoticePolicy.reminder(canceled, PERIOD_END.minus(Duration.ofHours(25))))
        .contains(new NoticeOccasion(NoticeKind.PREMIUM_ENDING, PERIOD_END + "/3d"));
    assertThat(NoticePolicy.reminder(canceled, PERIOD_END.minus(Duration.ofDays(1))))
        .contains(new NoticeOccasion(NoticeKind.PREMIUM_ENDING, PERIOD_END + "/1d"));
    assertThat(NoticePolicy.reminder(canceled, PERIOD_END.minus(Duration.ofMinutes(1))))
        .contains(new NoticeOccasion(NoticeKind.PREMIUM_ENDING, PERIOD_END + "/1d"));
    assertThat(NoticePolicy.reminder(canceled, PERIOD_END)).isEmpty();
  }

  @Test
  void noReminderForASubscriptionThatRenewsOrHasEnded() {
    Instant dayBefore = PERIOD_END.minus(Duration.ofHours(12));

    assertThat(NoticePolicy.reminder(active, dayBefore)).isEmpty();
    assertThat(NoticePolicy.reminder(ended, dayBefore)).isEmpty();
    assertThat(NoticePolicy.reminder(pastDue, dayBefore)).isEmpty();
  }

  private static Optional<NoticeOccasion> change(
      SubscriptionStatus from,
      SubscriptionStatus to,
      Subscription.State before,
      Subscription.State after) {
    return NoticePolicy.forChange(new StatusChange(from, to), before, after, T0);
  }
}
