package app.huberman.adapters.persistence.subscription;

import app.huberman.adapters.persistence.GroupCommit;
import app.huberman.application.job.port.out.NewJob;
import app.huberman.application.shared.DependencyUnavailableException;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.application.subscription.port.out.WebhookEventKey;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.application.subscription.port.out.WebhookInboxPort;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * The webhook inbox with concurrent webhooks sharing their transaction ({@link GroupCommit}): while
 * one batch commits, the next queues up, and each caller is answered once the batch holding its
 * notification has committed. A batch is one call of {@link WebhookEventRepository#add}, one
 * statement in PostgreSQL for the events and their jobs (ADR 0004, ADR 0007). A notification stored
 * before, or earlier in the same batch, is a duplicate and gets no job.
 *
 * <p>A batch that cannot reach the database fails every caller in it; a batch that fails otherwise
 * is retried one notification at a time, so only the bad one fails. A batch commits on the thread
 * of one of its callers, which is why callers come outside any transaction. One instance serves
 * every caller of the instance it is injected into.
 */
@Dependent
public class GroupCommitWebhookInbox implements WebhookInboxPort {

  /** Enough to share one transaction among all the webhooks an instance handles at once. */
  private static final int MAX_BATCH = 64;

  /**
   * How long a webhook waits for its batch before failing as unavailable (the provider retries).
   */
  private static final Duration MAX_WAIT = Duration.ofSeconds(30);

  /** A caller's notification and its processing job. */
  private record Delivery(VerifiedNotification notification, NewJob processingJob) {}

  private final GroupCommit<Delivery, Boolean> batches;

  @Inject
  public GroupCommitWebhookInbox(
      WebhookEventRepository webhookEvents, UnitOfWorkPort unitOfWork, Clock clock) {
    Objects.requireNonNull(webhookEvents, "webhookEvents");
    Objects.requireNonNull(unitOfWork, "unitOfWork");
    Objects.requireNonNull(clock, "clock");
    this.batches =
        new GroupCommit<>(
            MAX_BATCH,
            MAX_WAIT,
            deliveries -> unitOfWork.atomically(() -> store(webhookEvents, clock, deliveries)),
            DependencyUnavailableException.class::isInstance,
            reason -> new DependencyUnavailableException("database", new TimeoutException(reason)));
  }

  @Override
  public boolean accept(VerifiedNotification notification, NewJob processingJob) {
    return batches.submit(
        new Delivery(
            Objects.requireNonNull(notification, "notification"),
            Objects.requireNonNull(processingJob, "processingJob")));
  }

  /** One transaction: every new notification of the batch with its job; the rest are duplicates. */
  private static List<Boolean> store(
      WebhookEventRepository webhookEvents, Clock clock, List<Delivery> deliveries) {
    Map<WebhookEventKey, NewJob> jobs = new HashMap<>();
    List<VerifiedNotification> distinct = new ArrayList<>(deliveries.size());
    for (Delivery delivery : deliveries) {
      if (jobs.putIfAbsent(delivery.notification().key(), delivery.processingJob()) == null) {
        distinct.add(delivery.notification());
      }
    }
    Set<WebhookEventKey> accepted =
        new HashSet<>(
            webhookEvents.add(
                distinct, clock.instant(), notification -> jobs.get(notification.key())));
    return deliveries.stream()
        .map(delivery -> accepted.remove(delivery.notification().key()))
        .toList();
  }
}
