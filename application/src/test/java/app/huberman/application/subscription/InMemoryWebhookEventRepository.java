package app.huberman.application.subscription;

import app.huberman.application.subscription.port.out.StoredWebhookEvent;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.domain.subscription.PaymentProvider;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** A fake {@link WebhookEventRepository}: the inbox as a map keyed by provider and event id. */
public final class InMemoryWebhookEventRepository implements WebhookEventRepository {

  private record Key(PaymentProvider provider, String eventId) {}

  private final Map<Key, StoredWebhookEvent> events = new LinkedHashMap<>();

  @Override
  public boolean addIfAbsent(VerifiedNotification notification, Instant receivedAt) {
    return events.putIfAbsent(
            new Key(notification.provider(), notification.eventId()),
            new StoredWebhookEvent(notification, receivedAt, Optional.empty(), 0, Optional.empty()))
        == null;
  }

  @Override
  public Optional<StoredWebhookEvent> find(PaymentProvider provider, String eventId) {
    return Optional.ofNullable(events.get(new Key(provider, eventId)));
  }

  @Override
  public void markProcessed(
      PaymentProvider provider, String eventId, Instant at, Optional<String> error) {
    events.computeIfPresent(
        new Key(provider, eventId),
        (key, stored) ->
            new StoredWebhookEvent(
                stored.notification(),
                stored.receivedAt(),
                Optional.of(at),
                stored.attempts() + 1,
                error));
  }

  @Override
  public int deleteProcessedBefore(Instant cutoff, int limit) {
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

  public int size() {
    return events.size();
  }
}
