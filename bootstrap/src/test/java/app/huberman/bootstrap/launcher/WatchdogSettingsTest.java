package app.huberman.bootstrap.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class WatchdogSettingsTest {

  @Test
  void readsSecondsOrAnIsoDurationAndDefaultsWhenUnset() {
    assertThat(
            Deadline.fromEnvironment(Map.of(), "STARTUP_TIMEOUT", Duration.ofSeconds(120))
                .duration())
        .isEqualTo(Duration.ofSeconds(120));
    assertThat(
            Deadline.fromEnvironment(
                    Map.of("STARTUP_TIMEOUT", " 45 "), "STARTUP_TIMEOUT", Duration.ofSeconds(1))
                .duration())
        .isEqualTo(Duration.ofSeconds(45));
    assertThat(
            Deadline.fromEnvironment(
                    Map.of("SHUTDOWN_TIMEOUT", "PT2M"), "SHUTDOWN_TIMEOUT", Duration.ofSeconds(1))
                .duration())
        .isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void refusesANonsensicalDeadlineNamingTheVariable() {
    for (String wrong : new String[] {"0", "-5", "soon", "3601", "PT0S", "P2D", "1.5"}) {
      assertThatThrownBy(
              () ->
                  Deadline.fromEnvironment(
                      Map.of("STARTUP_TIMEOUT", wrong), "STARTUP_TIMEOUT", Duration.ofSeconds(1)))
          .hasMessageContaining("STARTUP_TIMEOUT")
          .hasMessageContaining("'" + wrong + "'");
    }
  }

  @Test
  void theThreadSummaryNamesWhatAThreadWaitsOnAndWhoHoldsIt() throws Exception {
    Object lock = new Object();
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder =
        new Thread(
            () -> {
              synchronized (lock) {
                holding.countDown();
                awaitQuietly(release);
              }
            },
            "lock-holder");
    Thread waiter =
        new Thread(
            () -> {
              synchronized (lock) {
                // only reached after the release
              }
            },
            "lock-waiter");
    holder.start();
    holding.await();
    waiter.start();
    while (waiter.getState() != Thread.State.BLOCKED) {
      Thread.onSpinWait();
    }
    try {
      ThreadDumpSummary summary = ThreadDumpSummary.ofThisJvm();

      assertThat(summary.stuckThreads())
          .contains("lock-waiter BLOCKED on java.lang.Object@")
          .contains("held by lock-holder");
      assertThat(summary.threads()).isGreaterThanOrEqualTo(3);
      assertThat(summary.deadlocked()).isEmpty();
    } finally {
      release.countDown();
      holder.join();
      waiter.join();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
