package app.huberman.application.subscription.service;

import app.huberman.application.shared.DependencyUnavailableException;
import app.huberman.application.shared.GroupCommit;
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
import java.time.Duration;
import java.util.Collection;
import java.util.Objects;
import java.util.concurrent.TimeoutException;

/**
 * The webhook inbox. Answers the provider as soon as the notification is durably stored, so a slow
 * or failing step later never makes the provider retry or give up: the notification and the job
 * that processes it commit together, and a notification stored before is acknowledged again without
 * a second job.
 *
 * <p>Concurrent webhooks share their transaction ({@link GroupCommit}): while one batch commits,
 * the next queues up, and each caller is answered once the batch holding its notification has
 * committed. A batch that cannot reach the database fails every caller in it (503); a batch that
 * fails otherwise is retried one notification at a time, so only the bad one fails. A batch commits
 * on the thread of one of its callers, so {@link #receive} is called outside any transaction.
 */
public final class ReceiveWebhookService implements ReceiveWebhookUseCase {

  /** Enough to share one transaction among all the webhooks an instance handles at once. */
  private static final int MAX_BATCH = 64;

  /** How long a webhook waits for its batch before answering 503 (the provider retries). */
  private static final Duration MAX_WAIT = Duration.ofSeconds(30);

  private final PaymentProviders providers;
  private final SubscriptionEventsPort events;
  private final UnitOfWorkPort unitOfWork;
  private final GroupCommit<VerifiedNotification, WebhookReceipt> inbox;

  public ReceiveWebhookService(
      Collection<? extends PaymentProviderPort> providers,
      WebhookEventRepository webhookEvents,
      SubscriptionEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.providers = new PaymentProviders(providers);
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.inbox =
        new GroupCommit<>(
            MAX_BATCH,
            MAX_WAIT,
            new WebhookInbox(
                Objects.requireNonNull(webhookEvents, "webhookEvents"),
                unitOfWork,
                Objects.requireNonNull(clock, "clock")),
            DependencyUnavailableException.class::isInstance,
            reason -> new DependencyUnavailableException("database", new TimeoutException(reason)));
  }

  @Override
  public WebhookReceipt receive(PaymentProvider provider, WebhookRequest request) {
    VerifiedNotification notification = verified(provider, request);
    WebhookReceipt receipt = inbox.submit(notification);
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
