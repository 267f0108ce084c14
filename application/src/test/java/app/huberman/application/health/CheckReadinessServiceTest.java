package app.huberman.application.health;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.health.port.in.ReadinessReport;
import app.huberman.application.health.port.in.ReadinessReport.DependencyStatus;
import app.huberman.application.health.port.out.DependencyProbePort;
import app.huberman.application.health.service.CheckReadinessService;
import app.huberman.application.health.service.DrainInstanceService;
import app.huberman.application.health.service.Draining;
import app.huberman.application.health.service.MigrateSchemaService;
import app.huberman.application.health.service.MigratedSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class CheckReadinessServiceTest {

  private final ExecutorService probeRunner = Executors.newVirtualThreadPerTaskExecutor();

  private final List<Duration> askedTimeouts = Collections.synchronizedList(new ArrayList<>());

  private DependencyProbePort probe(String name, Exception failure) {
    return probe(name, failure, true);
  }

  private DependencyProbePort probe(String name, Exception failure, boolean essential) {
    return new DependencyProbePort() {
      @Override
      public String dependencyName() {
        return name;
      }

      @Override
      public boolean essential() {
        return essential;
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

  /** The schema as this instance migrated it, to version 1. */
  private static MigratedSchema migrated() {
    MigratedSchema migrated = new MigratedSchema();
    new MigrateSchemaService(FakeSchemaMigrator.migratedTo("1"), migrated).migrateSchema();
    return migrated;
  }

  @Test
  void isNotReadyUntilTheSchemaIsMigrated() {
    MigratedSchema migrated = new MigratedSchema();
    CheckReadinessService service =
        new CheckReadinessService(
            migrated,
            new Draining(),
            List.of(probe("database", null)),
            Duration.ofSeconds(2),
            probeRunner);

    assertThat(service.checkReadiness().ready()).isFalse();
    assertThat(service.checkReadiness().dependencies().getFirst())
        .isEqualTo(new DependencyStatus("schema", false, "migrations have not completed"));

    new MigrateSchemaService(FakeSchemaMigrator.migratedTo("1"), migrated).migrateSchema();

    assertThat(service.checkReadiness().ready()).isTrue();
  }

  @Test
  void turnsNotReadyForGoodOnceTheInstanceBeginsToDrain() {
    Draining draining = new Draining();
    CheckReadinessService service =
        new CheckReadinessService(
            migrated(),
            draining,
            List.of(probe("database", null)),
            Duration.ofSeconds(2),
            probeRunner);
    assertThat(service.checkReadiness().ready()).isTrue();

    new DrainInstanceService(draining).beginDrain();

    ReadinessReport report = service.checkReadiness();
    assertThat(report.ready()).isFalse();
    assertThat(report.dependencies())
        .contains(
            new DependencyStatus("shutdown", false, "draining before the instance stops"),
            new DependencyStatus("database", true, ""));
    assertThat(service.checkReadiness().ready()).isFalse();
  }

  @Test
  void staysReadyWhileADependencyItDegradesWithoutIsDownAndSaysSo() {
    DependencyProbePort redis =
        probe("redis", new java.io.IOException("Connection refused"), /* essential= */ false);
    CheckReadinessService service =
        new CheckReadinessService(
            migrated(),
            new Draining(),
            List.of(probe("database", null), redis),
            Duration.ofSeconds(2),
            probeRunner);

    ReadinessReport report = service.checkReadiness();

    assertThat(report.ready()).isTrue();
    assertThat(report.dependencies())
        .contains(new DependencyStatus("redis", false, "Connection refused", false));

    CheckReadinessService withoutDatabase =
        new CheckReadinessService(
            migrated(),
            new Draining(),
            List.of(probe("database", new java.io.IOException("refused")), redis),
            Duration.ofSeconds(2),
            probeRunner);
    assertThat(withoutDatabase.checkReadiness().ready()).isFalse();
  }

  @Test
  void isReadyWhenEveryDependencyAnswersWithinTheConfiguredTimeout() {
    CheckReadinessService service =
        new CheckReadinessService(
            migrated(),
            new Draining(),
            List.of(probe("database", null), probe("redis", null)),
            Duration.ofSeconds(2),
            probeRunner);

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
    CheckReadinessService service =
        new CheckReadinessService(
            migrated(),
            new Draining(),
            List.of(
                probe("database", new IllegalStateException("connection refused")),
                probe("redis", null)),
            Duration.ofSeconds(1),
            probeRunner);

    ReadinessReport report = service.checkReadiness();

    assertThat(report.ready()).isFalse();
    assertThat(report.dependencies())
        .contains(
            new DependencyStatus("database", false, "connection refused"),
            new DependencyStatus("redis", true, ""));
  }

  @Test
  void namesTheFailureWhenItHasNoMessage() {
    CheckReadinessService service =
        new CheckReadinessService(
            migrated(),
            new Draining(),
            List.of(probe("redis", new TimeoutException())),
            Duration.ofSeconds(1),
            probeRunner);

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
    CheckReadinessService service =
        new CheckReadinessService(
            migrated(),
            new Draining(),
            List.of(hung, probe("redis", null)),
            Duration.ofMillis(100),
            probeRunner);
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
