package app.huberman.adapters.monitoring.subscriptions;

import app.huberman.application.subscription.port.in.CountPremiumSubscriptionsUseCase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * {@code subscriptions_premium_active}: how many subscriptions grant premium access now. The count
 * is taken by {@link #refresh()} every few seconds, so a scrape never queries the database; a
 * failed count keeps the last value. The gauge is registered when the application starts (at 0
 * until the first count), so a scrape right after readiness finds it.
 */
@ApplicationScoped
public class PremiumSubscriptionsGauge {

  private static final Logger LOG = Logger.getLogger(PremiumSubscriptionsGauge.class.getName());

  private CountPremiumSubscriptionsUseCase subscriptions;
  private MetricRegistry registry;
  private final AtomicLong latest = new AtomicLong();

  /** For the CDI proxy only. */
  protected PremiumSubscriptionsGauge() {}

  @Inject
  public PremiumSubscriptionsGauge(
      CountPremiumSubscriptionsUseCase subscriptions, MetricRegistry registry) {
    this.subscriptions = subscriptions;
    this.registry = registry;
  }

  /** Creating the bean at start-up registers the gauge ({@link #register()}). */
  void registerAtStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    // nothing more: the container created this bean to deliver the event
  }

  @PostConstruct
  void register() {
    registry.gauge(
        Metadata.builder()
            .withName("subscriptions_premium_active")
            .withDescription("Subscriptions granting premium access now")
            .build(),
        latest,
        AtomicLong::doubleValue);
  }

  public void refresh() {
    try {
      latest.set(subscriptions.premiumSubscriptions());
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "Premium subscription count unavailable: {0}", e.getMessage());
    }
  }
}
