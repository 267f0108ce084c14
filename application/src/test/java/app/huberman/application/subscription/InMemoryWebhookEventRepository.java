package app.huberman.application.subscription;

import app.huberman.application.job.port.out.JobQueuePort;
import app.huberman.application.job.port.out.NewJob;
import app.huberman.application.subscription.port.out.StalledWebhookEvent;
import app.huberman.application.subscription.port.out.StoredWebhookEvent;
import app.huberman.application.subscription.port.out.UnprocessedWebhookEvents;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.application.subscription.port.out.WebhookEventKey;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.domain.subscription.PaymentProvider;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A fake {@link WebhookEventRepository}: the inbox as a map keyed by provider and event id; the
 * jobs of stored notifications go to the job queue it is given, which also says which unique keys
 * its queued or running jobs hold. No transactions: a lock is never held.
 */
public final class InMemoryWebhookEventRepository implements WebhookEventRepository {

  private record Reconciled(int times, Instant nextAt) {}

  private final Map<WebhookEventKey, StoredWebhookEvent> events = new LinkedHashMap<>();
  private final Map<WebhookEventKey, Reconciled> reconciled = new HashMap<>();
  private final JobQueuePort jobs;
  private final Predicate<String> jobHoldsKey;

  /**
   * @param jobHoldsKey whether a job queued or running in {@code jobs} holds a unique key
   */
  public InMemoryWebhookEventRepository(JobQueuePort jobs, Predicate<String> jobHoldsKey) {
    this.jobs = jobs;
    this.jobHoldsKey = jobHoldsKey;
  }

  @Override
  public synchronized Set<WebhookEventKey> add(
      List<VerifiedNotification> notifications,
      Instant receivedAt,
      Function<VerifiedNotification, NewJob> processingJob) {
    Set<WebhookEventKey> added = new LinkedHashSet<>();
    List<NewJob> processing = new ArrayList<>();
    for (VerifiedNotification notification : notifications) {
      StoredWebhookEvent stored =
          new StoredWebhookEvent(notification, receivedAt, Optional.empty(), 0, Optional.empty());
      if (events.putIfAbsent(notification.key(), stored) == null) {
        added.add(notification.key());
        processing.add(processingJob.apply(notification));
      }
    }
    jobs.enqueueAll(processing);
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

  @Override
  public synchronized List<StalledWebhookEvent> lockStalled(
      Instant receivedBefore, Instant now, int limit) {
    return events.values().stream()
        .filter(event -> !event.isProcessed())
        .filter(event -> isDue(event, receivedBefore, now))
        .filter(event -> !jobHoldsKey.test(event.notification().key().processingJobKey()))
        .sorted(Comparator.comparing(StoredWebhookEvent::receivedAt))
        .limit(limit)
        .map(
            event ->
                new StalledWebhookEvent(
                    event.notification().key(),
                    event.notification().type(),
                    event.receivedAt(),
                    reconciliationsOf(event.notification().key())))
        .toList();
  }

  private boolean isDue(StoredWebhookEvent event, Instant receivedBefore, Instant now) {
    Reconciled before = reconciled.get(event.notification().key());
    return before == null
        ? event.receivedAt().isBefore(receivedBefore)
        : !before.nextAt().isAfter(now);
  }

  private int reconciliationsOf(WebhookEventKey key) {
    Reconciled before = reconciled.get(key);
    return before == null ? 0 : before.times();
  }

  @Override
  public synchronized void recordReconciliation(WebhookEventKey key, Instant nextAt) {
    if (!events.containsKey(key)) {
      throw new IllegalStateException("No webhook event " + key + " is stored");
    }
    reconciled.put(key, new Reconciled(reconciliationsOf(key) + 1, nextAt));
  }

  @Override
  public synchronized List<UnprocessedWebhookEvents> unprocessedByProvider() {
    Map<PaymentProvider, UnprocessedWebhookEvents> byProvider = new LinkedHashMap<>();
    for (StoredWebhookEvent event : events.values()) {
      if (!event.isProcessed()) {
        byProvider.merge(
            event.notification().provider(),
            new UnprocessedWebhookEvents(event.notification().provider(), 1, event.receivedAt()),
            (a, b) ->
                new UnprocessedWebhookEvents(
                    a.provider(),
                    a.count() + 1,
                    a.oldestReceivedAt().isBefore(b.oldestReceivedAt())
                        ? a.oldestReceivedAt()
                        : b.oldestReceivedAt()));
      }
    }
    return List.copyOf(byProvider.values());
  }

  public synchronized int size() {
    return events.size();
  }
}
