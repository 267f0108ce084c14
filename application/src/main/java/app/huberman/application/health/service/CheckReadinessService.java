package app.huberman.application.health.service;

import app.huberman.application.health.port.in.CheckReadinessUseCase;
import app.huberman.application.health.port.in.ReadinessReport;
import app.huberman.application.health.port.in.ReadinessReport.DependencyStatus;
import app.huberman.application.health.port.out.DependencyProbePort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether this instance can serve: once its schema is at this build's version ({@link
 * MigrateSchemaService}, {@link VerifySchemaService}), while every essential dependency answers
 * (the others are reported only), and until it begins to drain before stopping ({@link
 * DrainInstanceService}).
 *
 * <p>Probes run side by side on {@code probeRunner} and the report waits for them until one shared
 * deadline ({@code probeTimeout} plus {@link #GRACE}): a probe that ignores its own timeout (a hung
 * socket, a stuck file system) is reported down instead of hanging the health endpoint.
 */
public final class CheckReadinessService implements CheckReadinessUseCase {

  static final String SCHEMA = "schema";
  static final String SHUTDOWN = "shutdown";

  /** Time a probe gets beyond its own timeout before it counts as hung. */
  static final Duration GRACE = Duration.ofMillis(500);

  private final MigratedSchema migrated;
  private final Draining draining;
  private final List<DependencyProbePort> probes;
  private final Duration probeTimeout;
  private final Executor probeRunner;

  public CheckReadinessService(
      MigratedSchema migrated,
      Draining draining,
      List<DependencyProbePort> probes,
      Duration probeTimeout,
      Executor probeRunner) {
    this.migrated = Objects.requireNonNull(migrated, "migrated");
    this.draining = Objects.requireNonNull(draining, "draining");
    this.probes = List.copyOf(probes);
    this.probeTimeout = Objects.requireNonNull(probeTimeout, "probeTimeout");
    this.probeRunner = Objects.requireNonNull(probeRunner, "probeRunner");
  }

  @Override
  public ReadinessReport checkReadiness() {
    List<DependencyStatus> statuses = new ArrayList<>();
    statuses.add(
        migrated.version().isEmpty()
            ? new DependencyStatus(SCHEMA, false, "migrations have not completed")
            : new DependencyStatus(SCHEMA, true, ""));
    if (draining.begun()) {
      statuses.add(new DependencyStatus(SHUTDOWN, false, "draining before the instance stops"));
    }
    List<CompletableFuture<Void>> running =
        probes.stream()
            .map(probe -> CompletableFuture.runAsync(() -> run(probe), probeRunner))
            .toList();
    long deadline = System.nanoTime() + probeTimeout.plus(GRACE).toNanos();
    for (int i = 0; i < probes.size(); i++) {
      statuses.add(awaitProbe(probes.get(i), running.get(i), deadline));
    }
    return new ReadinessReport(statuses);
  }

  private void run(DependencyProbePort probe) {
    try {
      probe.probe(probeTimeout);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  private DependencyStatus awaitProbe(
      DependencyProbePort probe, CompletableFuture<Void> running, long deadline) {
    String name = probe.dependencyName();
    boolean essential = probe.essential();
    try {
      running.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      return new DependencyStatus(name, true, "", essential);
    } catch (TimeoutException e) {
      running.cancel(true);
      return new DependencyStatus(
          name,
          false,
          "no answer within " + probeTimeout.plus(GRACE).toMillis() + " ms",
          essential);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new DependencyStatus(
          name, false, "interrupted while waiting for the probe", essential);
    } catch (ExecutionException e) {
      return new DependencyStatus(name, false, reason(e.getCause()), essential);
    }
  }

  private static String reason(Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
