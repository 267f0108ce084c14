package app.huberman.application.subscription.service;

import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.port.in.CountUnprocessedWebhooksUseCase;
import app.huberman.application.subscription.port.in.UnprocessedWebhooks;
import app.huberman.application.subscription.port.out.UnprocessedWebhookEvents;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * How many stored webhooks wait to be applied, and since when, per provider: one that waits an hour
 * is one the job queue and the reconciler have not managed to apply (an alert reads it). Ages are
 * by this clock, which also stamped each event's arrival.
 */
public final class CountUnprocessedWebhooksService implements CountUnprocessedWebhooksUseCase {

  private final WebhookEventRepository webhookEvents;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public CountUnprocessedWebhooksService(
      WebhookEventRepository webhookEvents, UnitOfWorkPort unitOfWork, Clock clock) {
    this.webhookEvents = Objects.requireNonNull(webhookEvents, "webhookEvents");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public List<UnprocessedWebhooks> unprocessedWebhooks() {
    List<UnprocessedWebhookEvents> unprocessed =
        unitOfWork.readOnly(webhookEvents::unprocessedByProvider);
    Instant now = clock.instant();
    return unprocessed.stream()
        .map(
            events ->
                new UnprocessedWebhooks(
                    events.provider(), events.count(), ageAt(events.oldestReceivedAt(), now)))
        .toList();
  }

  private static Duration ageAt(Instant receivedAt, Instant now) {
    Duration age = Duration.between(receivedAt, now);
    return age.isNegative() ? Duration.ZERO : age;
  }
}
