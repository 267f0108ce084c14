package app.huberman.bootstrap.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GracefulStopTest {

  @Test
  void drainsTenSecondsUnlessToldOtherwiseInSecondsOrAsAnIsoDuration() {
    assertThat(GracefulStop.drainFromEnvironment(Map.of())).isEqualTo(Duration.ofSeconds(10));
    assertThat(GracefulStop.drainFromEnvironment(Map.of("SHUTDOWN_DRAIN", " ")))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(GracefulStop.drainFromEnvironment(Map.of("SHUTDOWN_DRAIN", "25")))
        .isEqualTo(Duration.ofSeconds(25));
    assertThat(GracefulStop.drainFromEnvironment(Map.of("SHUTDOWN_DRAIN", "PT1.5S")))
        .isEqualTo(Duration.ofMillis(1500));
    assertThat(GracefulStop.drainFromEnvironment(Map.of("SHUTDOWN_DRAIN", "PT0S")))
        .isEqualTo(Duration.ZERO);
  }

  @Test
  void refusesADrainThatIsNegativeLongerThanFiveMinutesOrNotADuration() {
    for (String wrong : new String[] {"-PT1S", "PT6M", "10 seconds", "1.5"}) {
      assertThatThrownBy(() -> GracefulStop.drainFromEnvironment(Map.of("SHUTDOWN_DRAIN", wrong)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("SHUTDOWN_DRAIN")
          .hasMessageContaining(wrong);
    }
  }
}
