package app.huberman.adapters.monitoring.users;

import app.huberman.adapters.monitoring.metrics.MetricHandles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.IntSupplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The line of requests waiting to hash or verify a password off the HTTP threads: {@code
 * password_hashing_queued} (waiting), {@code password_hashing_running} (on a hashing thread now)
 * and {@code password_hashing_rejected_total} (answered 503 because the line was full). The gauges
 * are read at scrape time from the pool itself.
 */
@ApplicationScoped
public class PasswordHashingGauges {

  static final String QUEUED = "password_hashing_queued";
  static final String RUNNING = "password_hashing_running";
  static final String REJECTED = "password_hashing_rejected";
  private static final Metadata REJECTED_METADATA =
      Metadata.builder()
          .withName(REJECTED)
          .withDescription(
              "Requests that would hash a password, refused with 503 because the line was full")
          .build();

  private MetricRegistry registry;
  private MetricHandles metrics;

  /** For the CDI proxy only. */
  protected PasswordHashingGauges() {}

  @Inject
  public PasswordHashingGauges(MetricRegistry registry) {
    this.registry = registry;
    this.metrics = new MetricHandles(registry);
  }

  /** Registers the gauges, and the refusals' counter at 0; called once, as the pool starts. */
  public void watch(IntSupplier queued, IntSupplier running) {
    registry.gauge(
        Metadata.builder()
            .withName(QUEUED)
            .withDescription("Requests waiting for a password hashing thread")
            .build(),
        queued::getAsInt);
    registry.gauge(
        Metadata.builder()
            .withName(RUNNING)
            .withDescription("Requests hashing or verifying a password now")
            .build(),
        running::getAsInt);
    metrics.counter(REJECTED_METADATA);
  }

  /** One request refused because the line was full. */
  public void rejected() {
    metrics.counter(REJECTED_METADATA).inc();
  }
}
