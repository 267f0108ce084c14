package app.huberman.application.subscription.service;

import app.huberman.application.job.JobHandler;
import app.huberman.application.job.port.out.NewJob;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.out.AccountDirectoryPort;
import app.huberman.application.subscription.port.out.NoticeMailerPort;
import app.huberman.application.subscription.port.out.NoticePreferencesRepository;
import app.huberman.application.subscription.port.out.PlanRepository;
import app.huberman.application.subscription.port.out.StoredNotice;
import app.huberman.application.subscription.port.out.StripeCustomerRepository;
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
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Delivers one recorded notice by email, as the user's preferences allow at the time of sending. It
 * reads what it needs in a read-only transaction, then asks Stripe for a portal link and the mail
 * server outside any, so no database connection waits on either. An account deleted meanwhile gets
 * nothing (its notices went with it). A retry after the mail server took the message sends it
 * again, which the job queue's at-least-once delivery allows.
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
  private final StripeCustomerRepository stripeCustomers;
  private final SubscriptionEventsPort events;
  private final UnitOfWorkPort unitOfWork;

  public SendNoticeHandler(
      SubscriptionNoticeRepository notices,
      SubscriptionRepository subscriptions,
      AccountDirectoryPort accounts,
      NoticePreferencesRepository preferences,
      NoticeMailerPort mailer,
      PlanRepository plans,
      ManageLinks links,
      StripeCustomerRepository stripeCustomers,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork) {
    this.notices = Objects.requireNonNull(notices, "notices");
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.preferences = Objects.requireNonNull(preferences, "preferences");
    this.mailer = Objects.requireNonNull(mailer, "mailer");
    this.plans = Objects.requireNonNull(plans, "plans");
    this.links = Objects.requireNonNull(links, "links");
    this.stripeCustomers = Objects.requireNonNull(stripeCustomers, "stripeCustomers");
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
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

  /** Reads in a transaction of its own, then asks Stripe and the mail server outside any. */
  @Override
  public Completion completion() {
    return Completion.AFTER_WORK;
  }

  @Override
  public void handle(JobPayload payload) {
    NoticeChannel channel =
        NoticeChannel.fromKey(payload.require(CHANNEL))
            .orElseThrow(() -> new PermanentJobFailure("Unknown channel " + payload.get(CHANNEL)));
    if (channel != NoticeChannel.EMAIL) {
      throw new PermanentJobFailure("Push notices go device by device: " + PushNoticeHandler.TYPE);
    }
    long id = Long.parseLong(payload.require(NOTICE));
    Optional<Delivery> delivery = unitOfWork.readOnly(() -> deliveryOf(id));
    if (delivery.isEmpty()) {
      return; // gone with the account or the subscription
    }
    StoredNotice notice = delivery.get().notice();
    NoticeKind kind = notice.occasion().kind();
    if (delivery.get().email().isEmpty()) {
      events.noticeDelivered(notice.user(), kind, channel, "no_account");
      return;
    }
    if (!delivery.get().preferences().allows(kind, channel)) {
      events.noticeDelivered(notice.user(), kind, channel, "muted");
      return;
    }
    Optional<String> link =
        links.of(notice.provider(), delivery.get().product(), delivery.get().stripeCustomer());
    try {
      mailer.sendNotice(
          delivery.get().email().get(), kind, notice.provider(), delivery.get().endsAt(), link);
    } catch (RuntimeException failed) {
      events.noticeDelivered(notice.user(), kind, channel, "failed");
      throw failed;
    }
    events.noticeDelivered(notice.user(), kind, channel, "sent");
  }

  /** What delivering a notice needs from the database, read in one transaction. */
  private record Delivery(
      StoredNotice notice,
      Optional<Email> email,
      NoticePreferences preferences,
      Optional<Instant> endsAt,
      Optional<String> product,
      Optional<String> stripeCustomer) {}

  private Optional<Delivery> deliveryOf(long id) {
    return notices
        .find(id)
        .map(
            notice -> {
              Optional<Subscription> subscription = subscriptions.find(notice.subscription());
              return new Delivery(
                  notice,
                  accounts.emailOf(notice.user()),
                  preferences.find(notice.user()).orElse(NoticePreferences.DEFAULTS),
                  subscription.flatMap(Subscription::endsAt),
                  productOf(notice.provider(), subscription),
                  notice.provider() == PaymentProvider.STRIPE
                      ? stripeCustomers.customerOf(notice.user())
                      : Optional.empty());
            });
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
