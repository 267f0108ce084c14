package app.huberman.application.subscription.service;

import app.huberman.application.shared.GroupCommit;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.in.WebhookReceipt;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.application.subscription.port.out.WebhookEventKey;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Stores a batch of verified notifications in one transaction: every new one in {@code
 * webhook_events} with its processing job, through one call of the inbox's store (one statement in
 * PostgreSQL). A notification stored before, or earlier in the same batch, is a duplicate and gets
 * no job.
 */
final class WebhookInbox implements GroupCommit.BatchWork<VerifiedNotification, WebhookReceipt> {

  private final WebhookEventRepository webhookEvents;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  WebhookInbox(WebhookEventRepository webhookEvents, UnitOfWorkPort unitOfWork, Clock clock) {
    this.webhookEvents = webhookEvents;
    this.unitOfWork = unitOfWork;
    this.clock = clock;
  }

  @Override
  public List<WebhookReceipt> commit(List<VerifiedNotification> notifications) {
    return unitOfWork.inTransaction(() -> store(notifications));
  }

  private List<WebhookReceipt> store(List<VerifiedNotification> notifications) {
    Set<WebhookEventKey> seen = new HashSet<>();
    List<VerifiedNotification> distinct = new ArrayList<>(notifications.size());
    for (VerifiedNotification notification : notifications) {
      if (seen.add(notification.key())) {
        distinct.add(notification);
      }
    }
    Set<WebhookEventKey> stored =
        webhookEvents.addAllIfAbsent(distinct, clock.instant(), ProcessWebhookEventHandler::jobFor);
    Set<WebhookEventKey> accepted = new HashSet<>(stored);
    return notifications.stream()
        .map(
            notification ->
                accepted.remove(notification.key())
                    ? WebhookReceipt.ACCEPTED
                    : WebhookReceipt.DUPLICATE)
        .toList();
  }
}
