package app.huberman.adapters.monitoring.subscriptions;

import app.huberman.application.subscription.port.in.CountPremiumSubscriptionsUseCase;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * {@code subscriptions_premium_active}: how many subscriptions grant premium access now. The count
 * is taken by {@link #refresh()} every few seconds, so a scrape never queries the database; a
 * failed count keeps the last value.
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
