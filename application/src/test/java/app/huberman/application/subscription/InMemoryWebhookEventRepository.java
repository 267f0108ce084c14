package app.huberman.application.subscription;

import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.job.port.out.NewJob;
import app.huberman.application.subscription.port.out.StoredWebhookEvent;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.application.subscription.port.out.WebhookEventKey;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.domain.subscription.PaymentProvider;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * A fake {@link WebhookEventRepository}: the inbox as a map keyed by provider and event id; the
 * jobs of stored notifications go to the job queue it is given.
 */
public final class InMemoryWebhookEventRepository implements WebhookEventRepository {

  private final Map<WebhookEventKey, StoredWebhookEvent> events = new LinkedHashMap<>();
  private final JobQueuePort jobs;

  public InMemoryWebhookEventRepository(JobQueuePort jobs) {
    this.jobs = jobs;
  }

  @Override
  public synchronized Set<WebhookEventKey> addAllIfAbsent(
      List<VerifiedNotification> notifications, Instant receivedAt) {
    Set<WebhookEventKey> added = new LinkedHashSet<>();
    for (VerifiedNotification notification : notifications) {
      StoredWebhookEvent stored =
          new StoredWebhookEvent(notification, receivedAt, Optional.empty(), 0, Optional.empty());
      if (events.putIfAbsent(notification.key(), stored) == null) {
        added.add(notification.key());
      }
    }
    return added;
  }

  @Override
  public synchronized Set<WebhookEventKey> addAllIfAbsent(
      List<VerifiedNotification> notifications,
      Instant receivedAt,
      Function<VerifiedNotification, NewJob> processingJob) {
    Set<WebhookEventKey> added = addAllIfAbsent(notifications, receivedAt);
    Set<WebhookEventKey> enqueued = new HashSet<>();
    jobs.enqueueAll(
        notifications.stream()
            .filter(n -> added.contains(n.key()) && enqueued.add(n.key()))
            .map(processingJob)
            .toList());
    return added;
  }

  @Override
  public synchronized Optional<StoredWebhookEvent> find(PaymentProvider provider, String eventId) {
    return Optional.ofNullable(events.get(new WebhookEventKey(provider, eventId)));
  }

  @Override
  public synchronized void markProcessed(
      PaymentProvider provider, String eventId, Instant at, Optional<String> error) {
    events.computeIfPresent(
        new WebhookEventKey(provider, eventId),
        (key, stored) ->
            new StoredWebhookEvent(
                stored.notification(),
                stored.receivedAt(),
                Optional.of(at),
                stored.attempts() + 1,
                error));
  }

  @Override
  public synchronized int deleteProcessedBefore(Instant cutoff, int limit) {
    int deleted = 0;
    Iterator<StoredWebhookEvent> stored = events.values().iterator();
    while (stored.hasNext() && deleted < limit) {
      StoredWebhookEvent event = stored.next();
      if (event.isProcessed() && event.receivedAt().isBefore(cutoff)) {
        stored.remove();
        deleted++;
      }
    }
    return deleted;
  }

  public synchronized int size() {
    return events.size();
  }
}
