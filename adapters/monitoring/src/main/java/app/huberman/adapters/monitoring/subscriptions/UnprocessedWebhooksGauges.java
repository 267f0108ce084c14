package app.huberman.adapters.monitoring.subscriptions;

import app.huberman.application.subscription.port.in.CountUnprocessedWebhooksUseCase;
import app.huberman.application.subscription.port.in.UnprocessedWebhooks;
import app.huberman.domain.subscription.PaymentProvider;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code webhook_events_unprocessed{provider}} and {@code
 * webhook_events_unprocessed_oldest_age_seconds{provider}}: stored webhooks not applied yet, and
 * how long the oldest has waited (an alert fires past an hour). Read by {@link #refresh()} every
 * few seconds, so a scrape never queries the database; a failed read keeps the last values.
 * Registered at 0 for every provider when the application starts, so a scrape right after readiness
 * finds them.
 */
@ApplicationScoped
public class UnprocessedWebhooksGauges {

  private static final Logger LOG = Logger.getLogger(UnprocessedWebhooksGauges.class.getName());

  private CountUnprocessedWebhooksUseCase webhooks;
  private MetricRegistry registry;
  private volatile Map<PaymentProvider, UnprocessedWebhooks> latest = Map.of();

  /** For the CDI proxy only. */
  protected UnprocessedWebhooksGauges() {}

  @Inject
  public UnprocessedWebhooksGauges(
      CountUnprocessedWebhooksUseCase webhooks, MetricRegistry registry) {
    this.webhooks = webhooks;
    this.registry = registry;
  }

  /** Creating the bean at start-up registers the gauges ({@link #register()}). */
  void registerAtStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    // nothing more: the container created this bean to deliver the event
  }

  @PostConstruct
  void register() {
    for (PaymentProvider provider : PaymentProvider.values()) {
      gauge(
          provider,
          Metadata.builder()
              .withName("webhook_events_unprocessed")
              .withDescription("Stored webhooks not processed yet")
              .build(),
          UnprocessedWebhooks::count);
      gauge(
          provider,
          Metadata.builder()
              .withName("webhook_events_unprocessed_oldest_age")
              .withDescription("How long ago the oldest stored webhook not processed yet arrived")
              .withUnit(MetricUnits.SECONDS)
              .build(),
          each -> each.oldestAge().toMillis() / 1000.0);
    }
  }

  private void gauge(
      PaymentProvider provider, Metadata metadata, ToDoubleFunction<UnprocessedWebhooks> value) {
    registry.gauge(
        metadata,
        () -> {
          UnprocessedWebhooks unprocessed = latest.get(provider);
          return unprocessed == null ? 0.0 : value.applyAsDouble(unprocessed);
        },
        new Tag("provider", provider.key()));
  }

  /** Reads the unprocessed webhooks; called every few seconds by this instance's timer. */
  public void refresh() {
    try {
      latest =
          webhooks.unprocessedWebhooks().stream()
              .collect(Collectors.toUnmodifiableMap(UnprocessedWebhooks::provider, each -> each));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Unprocessed webhook counts unavailable: {0}", e.getMessage());
    }
  }
}
