package app.huberman.adapters.monitoring.users;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.monitoring.subscriptions.CountingRegistry;
import app.huberman.domain.user.Email;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.Test;

class UserEventsRecorderTest {

  private final CountingRegistry metrics = new CountingRegistry();
  private final UserEventsRecorder recorder = new UserEventsRecorder(metrics.registry());

  @Test
  void theSignInCountersExistAtZeroBeforeTheFirstLogin() {
    recorder.registerSignInCounters();

    for (String event : new String[] {"auth.login_failed", "auth.login_succeeded"}) {
      assertThat(metrics.hasCounter("user_events", new Tag("event", event))).as(event).isTrue();
      assertThat(metrics.count("user_events", new Tag("event", event))).as(event).isZero();
    }
  }

  @Test
  void aFailedLoginCountsOneUnderAuthLoginFailed() {
    recorder.registerSignInCounters();

    recorder.loginFailed(Email.of("ada@example.com"), "203.0.113.7");

    assertThat(metrics.count("user_events", new Tag("event", "auth.login_failed"))).isEqualTo(1);
  }
}
