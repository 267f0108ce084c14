package app.huberman.adapters.rest.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.rest.common.ConsultedRateLimits.Consulted;
import org.junit.jupiter.api.Test;

class ConsultedRateLimitsTest {

  private final ConsultedRateLimits consulted = new ConsultedRateLimits();

  @Test
  void aRequestThatConsultedNoLimitGetsNoHeaders() {
    assertThat(consulted.tightest()).isEmpty();
  }

  @Test
  void reportsTheLimitWithTheFewestAttemptsLeftAndThenTheSmallerLimit() {
    consulted.consulted("per-account", 20, 3);
    consulted.consulted("per-client", 5, 4);
    consulted.consulted("other", 10, 3);

    assertThat(consulted.tightest()).contains(new Consulted(10, 3));
  }

  @Test
  void theLatestAnswerForAKeyReplacesTheEarlierOne() {
    consulted.consulted("per-client", 5, 4);
    consulted.consulted("per-client", 5, 0);

    assertThat(consulted.tightest()).contains(new Consulted(5, 0));
  }

  @Test
  void anAttemptGivenBackRemainsAgainButNeverBeyondTheLimit() {
    consulted.consulted("per-client", 5, 4);
    consulted.gaveBack("per-client");
    consulted.gaveBack("per-client");
    consulted.gaveBack("never-consulted");

    assertThat(consulted.tightest()).contains(new Consulted(5, 5));
  }

  @Test
  void whatARequestConsultedGoesOverToTheThreadThatAnswersIt() {
    consulted.consulted("per-client", 5, 4);
    ConsultedRateLimits onTheHashingThread = new ConsultedRateLimits();

    onTheHashingThread.takeOver(consulted.handOver());
    onTheHashingThread.gaveBack("per-client");

    assertThat(onTheHashingThread.tightest()).contains(new Consulted(5, 5));
    assertThat(consulted.tightest()).contains(new Consulted(5, 4));
  }
}
