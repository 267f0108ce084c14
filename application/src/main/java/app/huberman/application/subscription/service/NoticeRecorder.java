package app.huberman.application.subscription.service;

import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.subscription.port.out.PushDevicesPort;
import app.huberman.application.subscription.port.out.PushSenderPort;
import app.huberman.application.subscription.port.out.PushTarget;
import app.huberman.application.subscription.port.out.SubscriptionNoticeRepository;
import app.huberman.domain.subscription.NoticeChannel;
import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.NoticeOccasion;
import app.huberman.domain.subscription.NoticePolicy;
import app.huberman.domain.subscription.StatusChange;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.user.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Records the notices the domain's {@link NoticePolicy} calls for, once per subscription, kind and
 * occasion, and enqueues their delivery in the same transaction: a notice is delivered if and only
 * if the change that called for it committed. Replayed or reordered events change no status, so
 * they record nothing; a notice recorded before is not recorded again. Delivery is one email and
 * one push per device the owner has registered at that moment on a platform whose push service is
 * configured.
 */
public final class NoticeRecorder {

  private final SubscriptionNoticeRepository notices;
  private final JobQueuePort jobs;
  private final PushDevicesPort devices;
  private final PushSenderPort push;

  public NoticeRecorder(
      SubscriptionNoticeRepository notices,
      JobQueuePort jobs,
      PushDevicesPort devices,
      PushSenderPort push) {
    this.notices = Objects.requireNonNull(notices, "notices");
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.devices = Objects.requireNonNull(devices, "devices");
    this.push = Objects.requireNonNull(push, "push");
  }

  /** After a status change, in its transaction. */
  public void afterChange(
      Subscription.State before, Subscription after, StatusChange change, Instant now) {
    NoticePolicy.forChange(change, before, after.state(), now)
        .ifPresent(occasion -> record(after.state(), occasion, now));
  }

  /** A notice for the subscription's owner, if it has one and has not had this one. */
  public void record(Subscription.State subscription, NoticeOccasion occasion, Instant now) {
    if (subscription.owner().isEmpty()) {
      return; // nobody to tell yet; the purchase is bound later
    }
    if (occasion.kind() == NoticeKind.PAYMENT_RECOVERED
        && !notices.recorded(subscription.id(), NoticeKind.PAYMENT_PROBLEM)) {
      return; // a recovery only means something to a user told of the problem
    }
    Optional<Long> recorded =
        notices.record(
            subscription.id(),
            subscription.owner().get(),
            subscription.ref().provider(),
            occasion,
            now);
    recorded.ifPresent(id -> enqueueDeliveries(id, subscription.owner().get()));
  }

  private void enqueueDeliveries(long notice, UserId owner) {
    jobs.enqueue(SendNoticeHandler.jobFor(notice, NoticeChannel.EMAIL));
    for (PushTarget device : devices.devicesOf(owner)) {
      if (push.reaches(device.platform())) {
        jobs.enqueue(PushNoticeHandler.jobFor(notice, device.device()));
      }
    }
  }
}
