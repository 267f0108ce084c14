package app.huberman.adapters.monitoring.subscriptions;

import app.huberman.application.subscription.port.in.CountPremiumSubscriptionsUseCase;
import app.huberman.domain.subscription.Environment;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code subscriptions_premium_active{environment}}: how many subscriptions grant premium access
 * now, paid ({@code production}) and sandbox or test purchases ({@code sandbox}) apart. The count
 * is taken by {@link #refresh()} every few seconds, so a scrape never queries the database; a
 * failed count keeps the last values. The gauges are registered when the application starts (at 0
 * until the first count), so a scrape right after readiness finds them.
 */
@ApplicationScoped
public class PremiumSubscriptionsGauge {

  private static final Logger LOG = Logger.getLogger(PremiumSubscriptionsGauge.class.getName());

  private CountPremiumSubscriptionsUseCase subscriptions;
  private MetricRegistry registry;
  private final Map<Environment, AtomicLong> latest = new EnumMap<>(Environment.class);

  /** For the CDI proxy only. */
  protected PremiumSubscriptionsGauge() {}

  @Inject
  public PremiumSubscriptionsGauge(
      CountPremiumSubscriptionsUseCase subscriptions, MetricRegistry registry) {
    this.subscriptions = subscriptions;
    this.registry = registry;
    for (Environment environment : Environment.values()) {
      latest.put(environment, new AtomicLong());
    }
  }

  /** Creating the bean at start-up registers the gauge ({@link #register()}). */
  void registerAtStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    // nothing more: the container created this bean to deliver the event
  }

  @PostConstruct
  void register() {
    Metadata metadata =
        Metadata.builder()
            .withName("subscriptions_premium_active")
            .withDescription(
                "Subscriptions granting premium access now, paid (production) and sandbox apart")
            .build();
    latest.forEach(
        (environment, count) ->
            registry.gauge(
                metadata,
                count,
                AtomicLong::doubleValue,
                new Tag("environment", environment.key())));
  }

  public void refresh() {
    try {
      Map<Environment, Long> counted = subscriptions.premiumSubscriptions();
      latest.forEach((environment, count) -> count.set(counted.getOrDefault(environment, 0L)));
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Premium subscription count unavailable: {0}", e.getMessage());
    }
  }
}
