package app.huberman.application.subscription;

import app.huberman.application.job.port.out.NewJob;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.application.subscription.port.out.WebhookInboxPort;
import java.time.Clock;
import java.util.List;

/**
 * A {@link WebhookInboxPort} for service tests: each notification in a unit of work of its own,
 * through the repository it is given. What the persistence adapter's inbox does with a batch of
 * one.
 */
public final class OneByOneWebhookInbox implements WebhookInboxPort {

  private final WebhookEventRepository webhookEvents;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public OneByOneWebhookInbox(
      WebhookEventRepository webhookEvents, UnitOfWorkPort unitOfWork, Clock clock) {
    this.webhookEvents = webhookEvents;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  @Override
  public boolean accept(VerifiedNotification notification, NewJob processingJob) {
    return unitOfWork
        .atomically(
            () -> webhookEvents.add(List.of(notification), clock.instant(), n -> processingJob))
        .contains(notification.key());
  }
}
