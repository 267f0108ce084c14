package app.huberman.application.subscription.service;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.in.ReceiveWebhookUseCase;
import app.huberman.application.subscription.port.in.WebhookReceipt;
import app.huberman.application.subscription.port.in.WebhookRequest;
import app.huberman.application.subscription.port.out.SubscriptionEventsPort;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.application.subscription.port.out.WebhookInboxPort;
import app.huberman.domain.subscription.PaymentProvider;
import java.util.Objects;

/**
 * The webhook inbox. Answers the provider as soon as the notification is durably stored, so a slow
 * or failing step later never makes the provider retry or give up: the notification and the job
 * that processes it are accepted together ({@link WebhookInboxPort}), and a notification stored
 * before is acknowledged again without a second job. The inbox commits by itself, so {@link
 * #receive} is called outside any unit of work.
 */
public final class ReceiveWebhookService implements ReceiveWebhookUseCase {

  private final PaymentProviders providers;
  private final WebhookInboxPort inbox;
  private final SubscriptionEventsPort events;
  private final UnitOfWorkPort unitOfWork;

  public ReceiveWebhookService(
      PaymentProviders providers,
      WebhookInboxPort inbox,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork) {
    this.providers = Objects.requireNonNull(providers, "providers");
    this.inbox = Objects.requireNonNull(inbox, "inbox");
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
  }

  @Override
  public WebhookReceipt receive(PaymentProvider provider, WebhookRequest request) {
    VerifiedNotification notification = verified(provider, request);
    WebhookReceipt receipt =
        inbox.accept(notification, ProcessWebhookEventHandler.jobFor(notification))
            ? WebhookReceipt.ACCEPTED
            : WebhookReceipt.DUPLICATE;
    // Committed by now; reported on the caller's own thread, so its log line has its request id.
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
