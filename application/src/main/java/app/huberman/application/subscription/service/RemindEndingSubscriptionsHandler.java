package app.huberman.application.subscription.service;

import app.huberman.application.job.JobHandler;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.subscription.NoticePolicy;
import app.huberman.domain.subscription.Subscription;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Reminds the owners of canceled subscriptions that premium ends in three days, then in one (the
 * domain's {@link NoticePolicy#reminder}). Runs every hour, in the job's transaction; each reminder
 * is recorded once, so a run repeated or overlapping another records nothing new.
 */
public final class RemindEndingSubscriptionsHandler implements JobHandler {

  public static final JobType TYPE = JobType.of("subscriptions.remind-ending");

  /** At most this many a run; a later run takes the rest. */
  static final int BATCH = 1_000;

  private final SubscriptionRepository subscriptions;
  private final NoticeRecorder notices;
  private final Clock clock;

  public RemindEndingSubscriptionsHandler(
      SubscriptionRepository subscriptions, NoticeRecorder notices, Clock clock) {
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.notices = Objects.requireNonNull(notices, "notices");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public JobType type() {
    return TYPE;
  }

  @Override
  public void handle(JobPayload payload) {
    Instant now = clock.instant();
    for (Subscription subscription :
        subscriptions.findCanceledEndingBetween(
            now, now.plus(NoticePolicy.FIRST_REMINDER), BATCH)) {
      NoticePolicy.reminder(subscription.state(), now)
          .ifPresent(occasion -> notices.record(subscription.state(), occasion, now));
    }
  }
}
