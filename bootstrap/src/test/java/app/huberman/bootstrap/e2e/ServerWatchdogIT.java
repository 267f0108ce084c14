package app.huberman.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.bootstrap.e2e.support.E2eDatabase;
import app.huberman.bootstrap.e2e.support.FreePorts;
import app.huberman.bootstrap.e2e.support.HangingDeployments;
import app.huberman.bootstrap.e2e.support.RunnableProcess;
import app.huberman.bootstrap.e2e.support.RunnableTests;
import app.huberman.bootstrap.e2e.support.StartupGuard;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runnable's watchdog: a start or a stop that hangs ends the process with a status of its own
 * and one JSON event naming the threads that wait, so that an orchestrator restarts it.
 */
class ServerWatchdogIT {

  private final String database =
      "huberman_it_watchdog_" + UUID.randomUUID().toString().substring(0, 8);

  @AfterEach
  void dropDatabase() throws Exception {
    E2eDatabase.drop(database);
  }

  @Test
  void aStartThatHangsIsHaltedWithinStartupTimeoutWithStatus4AndTheStuckThreads() throws Exception {
    // The launcher and Payara without the application, which would take much of the deadline to
    // boot on a loaded machine: the hanging deployment is reached within seconds.
    try (RunnableProcess app =
        RunnableProcess.start(
            RunnableTests.runtime(),
            Path.of("target", "watchdog-start-it").toAbsolutePath(),
            Map.of(
                "APP_PORT", Integer.toString(FreePorts.find()),
                "APP_ENV", "testing",
                "HANG_ON", "deploy",
                "STARTUP_TIMEOUT", "30"),
            List.of("--deploy", HangingDeployments.war().toString()))) {
      long started = System.nanoTime();

      int status = app.awaitExit(Duration.ofSeconds(120));

      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertThat(status).as(app.tail()).isEqualTo(4);
      assertThat(took).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(90));
      JsonObject event = onlyEvent(app, "server.start_timeout");
      assertThat(event.getString("level")).isEqualTo("ERROR");
      assertThat(event.getInt("exit_status")).isEqualTo(4);
      assertThat(event.getInt("deadline_seconds")).isEqualTo(30);
      assertThat(event.getString("stuck_threads"))
          .contains("main WAITING on java.util.concurrent.CountDownLatch")
          .contains("HangingDeployment.waitForever");
    }
  }

  @Test
  void aStopThatHangsIsHaltedWithinShutdownTimeoutWithStatus5() throws Exception {
    try (RunnableProcess app =
        RunnableTests.startUntil(
            "watchdog-stop-it",
            FreePorts.find(),
            Map.of("DB_DATABASE", database, "HANG_ON", "undeploy", "SHUTDOWN_TIMEOUT", "10"),
            "/health/ready",
            List.of("--deploy", HangingDeployments.war().toString()),
            StartupGuard.Bounds.standard())) {
      long stopping = System.nanoTime();

      int status = app.terminate(Duration.ofSeconds(60));

      Duration took = Duration.ofNanos(System.nanoTime() - stopping);
      assertThat(status).as(app.tail()).isEqualTo(5);
      assertThat(took).isBetween(Duration.ofSeconds(10), Duration.ofSeconds(40));
      JsonObject event = onlyEvent(app, "server.stop_timeout");
      assertThat(event.getString("stuck_threads")).contains("HangingDeployment.waitForever");
    }
  }

  private static JsonObject onlyEvent(RunnableProcess app, String name) throws Exception {
    List<JsonObject> events =
        app.stdoutLines().stream()
            .filter(line -> line.contains("\"event\":\"" + name + "\""))
            .map(line -> Json.createReader(new StringReader(line)).readObject())
            .toList();
    assertThat(events).as(app.tail()).hasSize(1);
    return events.getFirst();
  }
}
