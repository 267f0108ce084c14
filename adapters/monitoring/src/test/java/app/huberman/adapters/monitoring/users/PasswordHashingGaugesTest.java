package app.huberman.adapters.monitoring.users;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.monitoring.subscriptions.CountingRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PasswordHashingGaugesTest {

  private final CountingRegistry metrics = new CountingRegistry();
  private final PasswordHashingGauges gauges = new PasswordHashingGauges(metrics.registry());

  @Test
  void theGaugesReadThePoolAtScrapeTimeAndTheRefusalsStartAtZero() {
    AtomicInteger queued = new AtomicInteger();
    AtomicInteger running = new AtomicInteger();

    gauges.watch(queued::get, running::get);
    queued.set(3);
    running.set(2);

    assertThat(metrics.gaugeValue(PasswordHashingGauges.QUEUED)).isEqualTo(3);
    assertThat(metrics.gaugeValue(PasswordHashingGauges.RUNNING)).isEqualTo(2);
    assertThat(metrics.hasCounter(PasswordHashingGauges.REJECTED)).isTrue();
    assertThat(metrics.count(PasswordHashingGauges.REJECTED)).isZero();
  }

  @Test
  void eachRefusalCountsOne() {
    gauges.watch(() -> 0, () -> 0);

    gauges.rejected();
    gauges.rejected();

    assertThat(metrics.count(PasswordHashingGauges.REJECTED)).isEqualTo(2);
  }
}
