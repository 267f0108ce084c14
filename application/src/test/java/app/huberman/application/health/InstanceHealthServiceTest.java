package app.huberman.application.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.health.port.in.ReadinessReport;
import app.huberman.application.health.port.in.ReadinessReport.DependencyStatus;
import app.huberman.application.health.port.out.DependencyProbePort;
import app.huberman.application.health.service.InstanceHealthService;
import app.huberman.application.shared.DependencyUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class InstanceHealthServiceTest {

  private final ExecutorService probeRunner = Executors.newVirtualThreadPerTaskExecutor();

  private final List<Duration> askedTimeouts = Collections.synchronizedList(new ArrayList<>());

  private DependencyProbePort probe(String name, Exception failure) {
    return new DependencyProbePort() {
      @Override
      public String dependencyName() {
        return name;
      }

      @Override
      public void probe(Duration timeout) throws Exception {
        askedTimeouts.add(timeout);
        if (failure != null) {
          throw failure;
        }
      }
    };
  }

  private static InstanceHealthService migrated(InstanceHealthService service) {
    service.migrateSchema();
    return service;
  }

  @Test
  void isNeitherStartedNorReadyUntilTheSchemaIsMigrated() {
    InstanceHealthService service =
        new InstanceHealthService(
            () -> "1", List.of(probe("database", null)), Duration.ofSeconds(2), probeRunner);

    assertThat(service.started()).isFalse();
    assertThat(service.checkReadiness().ready()).isFalse();
    assertThat(service.checkReadiness().dependencies().getFirst())
        .isEqualTo(new DependencyStatus("schema", false, "migrations have not completed"));

    assertThat(service.migrateSchema()).isEqualTo("1");

    assertThat(service.started()).isTrue();
    assertThat(service.checkReadiness().ready()).isTrue();
  }

  @Test
  void staysUnstartedWhenTheDatabaseIsNotThereYetAndMayTryAgain() {
    int[] attempts = {0};
    InstanceHealthService service =
        new InstanceHealthService(
            () -> {
              if (++attempts[0] == 1) {
                throw new DependencyUnavailableException("database", new IllegalStateException());
              }
              return "3";
            },
            List.of(),
            Duration.ofSeconds(1),
            probeRunner);

    assertThatThrownBy(service::migrateSchema).isInstanceOf(DependencyUnavailableException.class);
    assertThat(service.started()).isFalse();

    assertThat(service.migrateSchema()).isEqualTo("3");
    assertThat(service.started()).isTrue();
  }

  @Test
  void isReadyWhenEveryDependencyAnswersWithinTheConfiguredTimeout() {
    InstanceHealthService service =
        migrated(
            new InstanceHealthService(
                () -> "1",
                List.of(probe("database", null), probe("redis", null)),
                Duration.ofSeconds(2),
                probeRunner));

    ReadinessReport report = service.checkReadiness();

    assertThat(report.ready()).isTrue();
    assertThat(report.dependencies())
        .containsExactly(
            new DependencyStatus("schema", true, ""),
            new DependencyStatus("database", true, ""),
            new DependencyStatus("redis", true, ""));
    assertThat(askedTimeouts).containsOnly(Duration.ofSeconds(2));
  }

  @Test
  void isNotReadyWhenOneDependencyFailsAndSaysWhy() {
    InstanceHealthService service =
        migrated(
            new InstanceHealthService(
                () -> "1",
                List.of(
                    probe("database", new IllegalStateException("connection refused")),
                    probe("redis", null)),
                Duration.ofSeconds(1),
                probeRunner));

    ReadinessReport report = service.checkReadiness();

    assertThat(report.ready()).isFalse();
    assertThat(report.dependencies())
        .contains(
            new DependencyStatus("database", false, "connection refused"),
            new DependencyStatus("redis", true, ""));
  }

  @Test
  void namesTheFailureWhenItHasNoMessage() {
    InstanceHealthService service =
        migrated(
            new InstanceHealthService(
                () -> "1",
                List.of(probe("redis", new TimeoutException())),
                Duration.ofSeconds(1),
                probeRunner));

    assertThat(service.checkReadiness().dependencies().getLast().detail())
        .isEqualTo("TimeoutException");
  }

  @Test
  void reportsAProbeThatIgnoresItsTimeoutAsDownWithoutWaitingForIt() {
    CountDownLatch never = new CountDownLatch(1);
    DependencyProbePort hung =
        new DependencyProbePort() {
          @Override
          public String dependencyName() {
            return "database";
          }

          @Override
          public void probe(Duration timeout) throws InterruptedException {
            never.await();
          }
        };
    InstanceHealthService service =
        migrated(
            new InstanceHealthService(
                () -> "1",
                List.of(hung, probe("redis", null)),
                Duration.ofMillis(100),
                probeRunner));
    long started = System.nanoTime();

    ReadinessReport report = service.checkReadiness();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
    assertThat(report.ready()).isFalse();
    assertThat(report.dependencies())
        .containsExactly(
            new DependencyStatus("schema", true, ""),
            new DependencyStatus("database", false, "no answer within 600 ms"),
            new DependencyStatus("redis", true, ""));
    never.countDown();
  }
}
