package app.huberman.application.subscription.service;

import app.huberman.application.job.JobHandler;
import app.huberman.application.job.port.out.NewJob;
import app.huberman.application.subscription.port.out.AccountDirectoryPort;
import app.huberman.application.subscription.port.out.NoticeMailerPort;
import app.huberman.application.subscription.port.out.NoticePreferencesRepository;
import app.huberman.application.subscription.port.out.PlanRepository;
import app.huberman.application.subscription.port.out.StoredNotice;
import app.huberman.application.subscription.port.out.SubscriptionEventsPort;
import app.huberman.application.subscription.port.out.SubscriptionNoticeRepository;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.job.PermanentJobFailure;
import app.huberman.domain.job.QueueName;
import app.huberman.domain.subscription.NoticeChannel;
import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.NoticePreferences;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.Plan;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.user.Email;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Delivers one recorded notice by one channel, as the user's preferences allow at the time of
 * sending. An account deleted meanwhile gets nothing (its notices went with it). A retry after the
 * mail server took the message sends it again, which the job queue's at-least-once delivery allows.
 */
public final class SendNoticeHandler implements JobHandler {

  public static final JobType TYPE = JobType.of("subscriptions.send-notice");
  public static final QueueName QUEUE = QueueName.of("notices");

  private static final int PAYLOAD_VERSION = 1;
  private static final String NOTICE = "notice";
  private static final String CHANNEL = "channel";

  private final SubscriptionNoticeRepository notices;
  private final SubscriptionRepository subscriptions;
  private final AccountDirectoryPort accounts;
  private final NoticePreferencesRepository preferences;
  private final NoticeMailerPort mailer;
  private final PlanRepository plans;
  private final ManageLinks links;
  private final SubscriptionEventsPort events;

  public SendNoticeHandler(
      SubscriptionNoticeRepository notices,
      SubscriptionRepository subscriptions,
      AccountDirectoryPort accounts,
      NoticePreferencesRepository preferences,
      NoticeMailerPort mailer,
      PlanRepository plans,
      ManageLinks links,
      SubscriptionEventsPort events) {
    this.notices = Objects.requireNonNull(notices, "notices");
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.preferences = Objects.requireNonNull(preferences, "preferences");
    this.mailer = Objects.requireNonNull(mailer, "mailer");
    this.plans = Objects.requireNonNull(plans, "plans");
    this.links = Objects.requireNonNull(links, "links");
    this.events = Objects.requireNonNull(events, "events");
  }

  /** One notice by one channel; queued at most once. */
  static NewJob jobFor(long notice, NoticeChannel channel) {
    return new NewJob(
        TYPE,
        JobPayload.of(
            PAYLOAD_VERSION, Map.of(NOTICE, Long.toString(notice), CHANNEL, channel.key())),
        JobOptions.defaults().onQueue(QUEUE).uniqueBy("notice:" + notice + ":" + channel.key()));
  }

  @Override
  public JobType type() {
    return TYPE;
  }

  @Override
  public void handle(JobPayload payload) {
    NoticeChannel channel =
        NoticeChannel.fromKey(payload.require(CHANNEL))
            .orElseThrow(() -> new PermanentJobFailure("Unknown channel " + payload.get(CHANNEL)));
    Optional<StoredNotice> found = notices.find(Long.parseLong(payload.require(NOTICE)));
    if (found.isEmpty()) {
      return; // gone with the account or the subscription
    }
    StoredNotice notice = found.get();
    Optional<Email> email = accounts.emailOf(notice.user());
    NoticeKind kind = notice.occasion().kind();
    NoticePreferences chosen = preferences.find(notice.user()).orElse(NoticePreferences.DEFAULTS);
    if (email.isEmpty()) {
      events.noticeDelivered(notice.user(), kind, channel, "no_account");
      return;
    }
    if (!chosen.allows(kind, channel)) {
      events.noticeDelivered(notice.user(), kind, channel, "muted");
      return;
    }
    Optional<Subscription> subscription = subscriptions.find(notice.subscription());
    Optional<String> link =
        links.of(notice.provider(), productOf(notice.provider(), subscription), notice.user());
    try {
      if (channel == NoticeChannel.EMAIL) {
        mailer.sendNotice(
            email.get(), kind, notice.provider(), subscription.flatMap(Subscription::endsAt), link);
      }
    } catch (RuntimeException failed) {
      events.noticeDelivered(notice.user(), kind, channel, "failed");
      throw failed;
    }
    events.noticeDelivered(notice.user(), kind, channel, "sent");
  }

  private Optional<String> productOf(
      PaymentProvider provider, Optional<Subscription> subscription) {
    Optional<Plan> plan = subscription.flatMap(Subscription::planId).flatMap(plans::findById);
    return switch (provider) {
      case APPLE -> plan.flatMap(p -> p.productIds().appleProductId());
      case GOOGLE -> plan.flatMap(p -> p.productIds().googleProductId());
      case STRIPE -> plan.flatMap(p -> p.productIds().stripePriceId());
    };
  }
}
