package app.huberman.application.subscription.service;

import app.huberman.application.job.JobHandler;
import app.huberman.application.job.port.out.NewJob;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.out.AccountDirectoryPort;
import app.huberman.application.subscription.port.out.NoticePreferencesRepository;
import app.huberman.application.subscription.port.out.PushDevicesPort;
import app.huberman.application.subscription.port.out.PushMessage;
import app.huberman.application.subscription.port.out.PushResult;
import app.huberman.application.subscription.port.out.PushSenderPort;
import app.huberman.application.subscription.port.out.PushTarget;
import app.huberman.application.subscription.port.out.StoredNotice;
import app.huberman.application.subscription.port.out.SubscriptionEventsPort;
import app.huberman.application.subscription.port.out.SubscriptionNoticeRepository;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.job.PermanentJobFailure;
import app.huberman.domain.job.RetryLaterJobFailure;
import app.huberman.domain.subscription.NoticeChannel;
import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.NoticePreferences;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.user.DeviceId;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Pushes one recorded notice to one device: one job per device, so a retry after one device's
 * service throttled us sends to that device alone, and no other device gets the notice twice. It
 * reads what it needs in a read-only transaction, as the user's preferences allow at the time of
 * sending, and calls the push service outside any. A token the service declares dead is forgotten
 * at once, in a transaction of its own; a throttled or unavailable service is tried again after the
 * job's backoff, or after the wait the service asked for when that is longer.
 */
public final class PushNoticeHandler implements JobHandler {

  public static final JobType TYPE = JobType.of("subscriptions.push-notice");

  /** Enough attempts to ride out about an hour and a half of a push service's outage. */
  static final int MAX_ATTEMPTS = 10;

  private static final int PAYLOAD_VERSION = 1;
  private static final String NOTICE = "notice";
  private static final String DEVICE = "device";

  private final SubscriptionNoticeRepository notices;
  private final SubscriptionRepository subscriptions;
  private final AccountDirectoryPort accounts;
  private final NoticePreferencesRepository preferences;
  private final PushDevicesPort devices;
  private final PushSenderPort sender;
  private final SubscriptionEventsPort events;
  private final UnitOfWorkPort unitOfWork;

  public PushNoticeHandler(
      SubscriptionNoticeRepository notices,
      SubscriptionRepository subscriptions,
      AccountDirectoryPort accounts,
      NoticePreferencesRepository preferences,
      PushDevicesPort devices,
      PushSenderPort sender,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork) {
    this.notices = Objects.requireNonNull(notices, "notices");
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.accounts = Objects.requireNonNull(accounts, "accounts");
    this.preferences = Objects.requireNonNull(preferences, "preferences");
    this.devices = Objects.requireNonNull(devices, "devices");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  /** One notice to one device; queued at most once. */
  static NewJob jobFor(long notice, DeviceId device) {
    return new NewJob(
        TYPE,
        JobPayload.of(
            PAYLOAD_VERSION,
            Map.of(NOTICE, Long.toString(notice), DEVICE, Long.toString(device.value()))),
        JobOptions.defaults()
            .onQueue(SendNoticeHandler.QUEUE)
            .withMaxAttempts(MAX_ATTEMPTS)
            .uniqueBy("notice:" + notice + ":push:" + device.value()));
  }

  @Override
  public JobType type() {
    return TYPE;
  }

  /**
   * Reads in a transaction of its own and pushes outside any. Forgetting a dead token commits on
   * its own, which is what a retry would do again anyway.
   */
  @Override
  public Completion completion() {
    return Completion.AFTER_WORK;
  }

  @Override
  public void handle(JobPayload payload) {
    long id = number(payload, NOTICE);
    DeviceId device = DeviceId.of(number(payload, DEVICE));
    Optional<Delivery> found = unitOfWork.readOnly(() -> deliveryOf(id, device));
    if (found.isEmpty()) {
      return; // gone with the account or the subscription
    }
    Delivery delivery = found.get();
    StoredNotice notice = delivery.notice();
    NoticeKind kind = notice.occasion().kind();
    Optional<String> skipped = skipReason(delivery);
    if (skipped.isPresent()) {
      events.noticeDelivered(notice.user(), kind, NoticeChannel.PUSH, skipped.get());
      return;
    }
    PushTarget target = delivery.target().orElseThrow();
    PushResult result = push(delivery, target);
    events.pushAnswered(device, result);
    switch (result.outcome()) {
      case ACCEPTED -> events.noticeDelivered(notice.user(), kind, NoticeChannel.PUSH, "sent");
      case TOKEN_INVALID -> {
        unitOfWork.atomically(() -> devices.forget(device, target.token()));
        events.noticeDelivered(notice.user(), kind, NoticeChannel.PUSH, "invalid_token");
      }
      case RETRY_LATER -> {
        events.noticeDelivered(notice.user(), kind, NoticeChannel.PUSH, "failed");
        throw new RetryLaterJobFailure(
            result.service() + " answered " + result.reason(),
            result.retryAfter().orElse(Duration.ZERO));
      }
      case REFUSED -> {
        events.noticeDelivered(notice.user(), kind, NoticeChannel.PUSH, "failed");
        throw new PermanentJobFailure(result.service() + " refused the push: " + result.reason());
      }
    }
  }

  private Optional<String> skipReason(Delivery delivery) {
    if (delivery.target().isEmpty()) {
      return Optional.of("no_device");
    }
    if (!delivery.accountExists()) {
      return Optional.of("no_account");
    }
    if (!delivery.preferences().allows(delivery.notice().occasion().kind(), NoticeChannel.PUSH)) {
      return Optional.of("muted");
    }
    if (!sender.reaches(delivery.target().get().platform())) {
      return Optional.of("not_configured"); // configured when recorded, not any more
    }
    return Optional.empty();
  }

  private PushResult push(Delivery delivery, PushTarget target) {
    StoredNotice notice = delivery.notice();
    PushMessage message =
        new PushMessage(
            notice.id(), notice.occasion().kind(), notice.provider(), delivery.endsAt());
    try {
      return sender.push(target.platform(), target.token(), message);
    } catch (RuntimeException failed) {
      events.noticeDelivered(notice.user(), message.kind(), NoticeChannel.PUSH, "failed");
      throw failed;
    }
  }

  /** What pushing a notice needs from the database, read in one transaction. */
  private record Delivery(
      StoredNotice notice,
      Optional<PushTarget> target,
      boolean accountExists,
      NoticePreferences preferences,
      Optional<Instant> endsAt) {}

  private Optional<Delivery> deliveryOf(long id, DeviceId device) {
    return notices
        .find(id)
        .map(
            notice ->
                new Delivery(
                    notice,
                    devices.find(device).filter(target -> target.owner().equals(notice.user())),
                    accounts.emailOf(notice.user()).isPresent(),
                    preferences.find(notice.user()).orElse(NoticePreferences.DEFAULTS),
                    subscriptions.find(notice.subscription()).flatMap(Subscription::endsAt)));
  }

  private static long number(JobPayload payload, String field) {
    try {
      return Long.parseLong(payload.require(field));
    } catch (NumberFormatException e) {
      throw new PermanentJobFailure("Not a number: " + field, e);
    }
  }
}
