package app.huberman.domain.subscription;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which notice a subscription calls for. A status change may call for one: a renewal payment that
 * failed, a payment recovered, premium ended. A canceled subscription calls for a reminder three
 * days and one day before its end, whenever the daily run looks.
 */
public final class NoticePolicy {

  /** The reminders before the end of a subscription whose auto-renew is off, earliest first. */
  public static final Duration FIRST_REMINDER = Duration.ofDays(3);

  public static final Duration LAST_REMINDER = Duration.ofDays(1);

  private static final Set<SubscriptionStatus> WITH_ACCESS =
      EnumSet.of(
          SubscriptionStatus.TRIALING,
          SubscriptionStatus.ACTIVE,
          SubscriptionStatus.PAST_DUE,
          SubscriptionStatus.CANCELED);

  private static final Set<SubscriptionStatus> PAID_UP =
      EnumSet.of(
          SubscriptionStatus.TRIALING, SubscriptionStatus.ACTIVE, SubscriptionStatus.CANCELED);

  private NoticePolicy() {}

  /**
   * The notice a status change calls for.
   *
   * @param before the subscription as it was before the change
   * @param after the subscription as it is now
   * @param now when the change was applied: the occasion when the subscription names no date
   */
  public static Optional<NoticeOccasion> forChange(
      StatusChange change, Subscription.State before, Subscription.State after, Instant now) {
    if (change.to() == SubscriptionStatus.PAST_DUE) {
      // The period whose renewal failed: the renewal date it had before the failure.
      return Optional.of(
          new NoticeOccasion(
              NoticeKind.PAYMENT_PROBLEM, occasion(before.renewsAt().or(before::endsAt), now)));
    }
    if (change.from() == SubscriptionStatus.PAST_DUE && PAID_UP.contains(change.to())) {
      // The period the payment opened.
      return Optional.of(
          new NoticeOccasion(
              NoticeKind.PAYMENT_RECOVERED, occasion(after.renewsAt().or(after::endsAt), now)));
    }
    if (change.to() == SubscriptionStatus.EXPIRED && WITH_ACCESS.contains(change.from())) {
      return Optional.of(
          new NoticeOccasion(NoticeKind.PREMIUM_ENDED, occasion(after.endsAt(), now)));
    }
    return Optional.empty();
  }

  /**
   * The reminder a canceled subscription calls for at {@code now}: the one for three days before
   * its end within those three days, the one for one day before within the last day. None for a
   * subscription that renews, or that has ended.
   */
  public static Optional<NoticeOccasion> reminder(Subscription.State subscription, Instant now) {
    if (subscription.status() != SubscriptionStatus.CANCELED
        || subscription.endsAt().isEmpty()
        || !subscription.endsAt().get().isAfter(now)) {
      return Optional.empty();
    }
    Instant end = subscription.endsAt().get();
    Duration left = Duration.between(now, end);
    if (left.compareTo(LAST_REMINDER) <= 0) {
      return Optional.of(new NoticeOccasion(NoticeKind.PREMIUM_ENDING, occasion(end) + "/1d"));
    }
    if (left.compareTo(FIRST_REMINDER) <= 0) {
      return Optional.of(new NoticeOccasion(NoticeKind.PREMIUM_ENDING, occasion(end) + "/3d"));
    }
    return Optional.empty();
  }

  private static String occasion(Optional<Instant> date, Instant now) {
    return date.map(NoticePolicy::occasion)
        .orElseGet(() -> "on " + now.truncatedTo(ChronoUnit.DAYS));
  }

  private static String occasion(Instant date) {
    return date.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
