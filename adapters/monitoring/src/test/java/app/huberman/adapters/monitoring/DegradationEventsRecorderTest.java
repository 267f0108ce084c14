package app.huberman.adapters.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.monitoring.subscriptions.CountingRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.Test;

class DegradationEventsRecorderTest {

  private final CountingRegistry metrics = new CountingRegistry();
  private final DegradationEventsRecorder recorder =
      new DegradationEventsRecorder(metrics.registry());

  @Test
  void theRedisFallbacksAreCountedFromZeroBeforeTheFirstOne() {
    recorder.registerKnown();

    for (String capability : new String[] {"rate-limiter", "entitlement-cache"}) {
      Tag[] tags = {new Tag("dependency", "redis"), new Tag("capability", capability)};
      assertThat(metrics.hasCounter("dependency_fallbacks", tags)).as(capability).isTrue();
      assertThat(metrics.count("dependency_fallbacks", tags)).as(capability).isZero();
    }
  }

  @Test
  void thePlansServedFromMemoryWithoutTheDatabaseAreCountedFromZero() {
    recorder.registerKnown();

    Tag[] tags = {new Tag("dependency", "database"), new Tag("capability", "plans")};
    assertThat(metrics.hasCounter("dependency_fallbacks", tags)).isTrue();
    assertThat(metrics.count("dependency_fallbacks", tags)).isZero();
  }

  @Test
  void aFallbackCountsOne() {
    recorder.registerKnown();

    recorder.fellBack("redis", "rate-limiter", new IllegalStateException("down"));

    assertThat(
            metrics.count(
                "dependency_fallbacks",
                new Tag("capability", "rate-limiter"),
                new Tag("dependency", "redis")))
        .isEqualTo(1);
  }
}
