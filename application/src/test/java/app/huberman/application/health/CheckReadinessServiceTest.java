package app.huberman.application.health;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.health.port.in.ReadinessReport;
import app.huberman.application.health.port.in.ReadinessReport.DependencyStatus;
import app.huberman.application.health.port.out.DependencyProbePort;
import app.huberman.application.health.service.CheckReadinessService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckReadinessServiceTest {

  private static DependencyProbePort probe(String name, Exception failure, List<Duration> asked) {
    return new DependencyProbePort() {
      @Override
      public String dependencyName() {
        return name;
      }

      @Override
      public void probe(Duration timeout) throws Exception {
        asked.add(timeout);
        if (failure != null) {
          throw failure;
        }
      }
    };
  }

  @Test
  void isReadyWhenEveryDependencyAnswers() {
    List<Duration> asked = new ArrayList<>();
    CheckReadinessService service =
        new CheckReadinessService(
            List.of(probe("database", null, asked), probe("redis", null, asked)),
            Duration.ofSeconds(2));

    ReadinessReport report = service.checkReadiness();

    assertThat(report.ready()).isTrue();
    assertThat(report.dependencies())
        .containsExactly(
            new DependencyStatus("database", true, ""), new DependencyStatus("redis", true, ""));
    assertThat(asked).containsOnly(Duration.ofSeconds(2));
  }

  @Test
  void isNotReadyWhenOneDependencyFailsAndSaysWhy() {
    List<Duration> asked = new ArrayList<>();
    CheckReadinessService service =
        new CheckReadinessService(
            List.of(
                probe("database", new IllegalStateException("connection refused"), asked),
                probe("redis", null, asked)),
            Duration.ofSeconds(1));

    ReadinessReport report = service.checkReadiness();

    assertThat(report.ready()).isFalse();
    assertThat(report.dependencies())
        .containsExactly(
            new DependencyStatus("database", false, "connection refused"),
            new DependencyStatus("redis", true, ""));
  }

  @Test
  void namesTheFailureWhenItHasNoMessage() {
    CheckReadinessService service =
        new CheckReadinessService(
            List.of(probe("redis", new java.util.concurrent.TimeoutException(), new ArrayList<>())),
            Duration.ofSeconds(1));

    assertThat(service.checkReadiness().dependencies().getFirst().detail())
        .isEqualTo("TimeoutException");
  }
}
