package app.huberman.application.subscription.service;

import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.in.ReceiveWebhookUseCase;
import app.huberman.application.subscription.port.in.WebhookReceipt;
import app.huberman.application.subscription.port.in.WebhookRequest;
import app.huberman.application.subscription.port.out.PaymentProviderPort;
import app.huberman.application.subscription.port.out.SubscriptionEventsPort;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.domain.subscription.PaymentProvider;
import java.time.Clock;
import java.util.Collection;
import java.util.Objects;

/**
 * The webhook inbox. Answers the provider as soon as the notification is durably stored, so a slow
 * or failing step later never makes the provider retry or give up: the notification and the job
 * that processes it commit together, and a notification stored before is acknowledged again without
 * a second job.
 */
public final class WebhookIngestService implements ReceiveWebhookUseCase {

  private final PaymentProviders providers;
  private final WebhookEventRepository webhookEvents;
  private final JobQueuePort jobs;
  private final SubscriptionEventsPort events;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public WebhookIngestService(
      Collection<? extends PaymentProviderPort> providers,
      WebhookEventRepository webhookEvents,
      JobQueuePort jobs,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.providers = new PaymentProviders(providers);
    this.webhookEvents = Objects.requireNonNull(webhookEvents, "webhookEvents");
    this.jobs = Objects.requireNonNull(jobs, "jobs");
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public WebhookReceipt receive(PaymentProvider provider, WebhookRequest request) {
    VerifiedNotification notification = verified(provider, request);
    WebhookReceipt receipt =
        unitOfWork.inTransaction(
            () -> {
              if (!webhookEvents.addIfAbsent(notification, clock.instant())) {
                return WebhookReceipt.DUPLICATE;
              }
              ProcessWebhookEventHandler.enqueue(jobs, notification);
              return WebhookReceipt.ACCEPTED;
            });
    AfterCommit.run(
        unitOfWork,
        "report a webhook",
        () ->
            events.webhookReceived(provider, notification.type(), notification.eventId(), receipt));
    return receipt;
  }

  /** Outside the transaction: verification may fetch keys, and no connection should wait on it. */
  private VerifiedNotification verified(PaymentProvider provider, WebhookRequest request) {
    try {
      VerifiedNotification notification = providers.of(provider).verify(request);
      if (notification.provider() != provider) {
        throw new InvalidNotificationException("The notification is not from " + provider.key());
      }
      return notification;
    } catch (InvalidNotificationException e) {
      events.webhookRejected(provider, e.getMessage());
      throw e;
    }
  }
}
