package app.huberman.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import app.huberman.bootstrap.e2e.support.E2eDatabase;
import app.huberman.bootstrap.e2e.support.FreePorts;
import app.huberman.bootstrap.e2e.support.HangingDeployments;
import app.huberman.bootstrap.e2e.support.RunnableTests;
import app.huberman.bootstrap.e2e.support.ServerProcesses;
import app.huberman.bootstrap.e2e.support.StartupGuard;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * A test that fails while it starts a server leaves nothing running: the deliberately failing test
 * below is run by the JUnit test kit, then this test looks for its server with {@code ps}.
 */
class NoServerLeftBehindIT {

  private static final String WORK_DIR = "hung-start-scenario";
  private static final String DATABASE = "huberman_it_hung_start";

  @AfterAll
  static void dropDatabase() throws Exception {
    E2eDatabase.drop(DATABASE);
  }

  @Test
  void aStartThatHangsIsDumpedKilledTriedOnceMoreAndLeavesNoServerRunning() throws Exception {
    List<Event> failed =
        EngineTestKit.engine("junit-jupiter")
            .selectors(selectClass(HungStartScenario.class))
            .execute()
            .testEvents()
            .failed()
            .list();

    assertThat(failed).hasSize(1);
    Throwable failure =
        failed
            .getFirst()
            .getPayload(TestExecutionResult.class)
            .flatMap(TestExecutionResult::getThrowable)
            .orElseThrow();
    assertThat(failure)
        .hasMessageContaining("attempt 1: HUNG")
        .hasMessageContaining("attempt 2: HUNG")
        .hasMessageContaining("--- thread dump ---")
        .hasMessageContaining("HangingDeployment.waitForever");
    assertThat(ServerProcesses.running()).isEmpty();
    assertThat(processes()).noneMatch(line -> line.contains(WORK_DIR));
  }

  /** Every process on the machine, as {@code ps} lists them. */
  private static List<String> processes() throws IOException, InterruptedException {
    Process ps = new ProcessBuilder("ps", "-eo", "pid,args").redirectErrorStream(true).start();
    String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(ps.waitFor()).isZero();
    return out.lines().toList();
  }

  /**
   * Fails on purpose: its server's deployment never ends (the application's WAR with a listener
   * that never returns, on the runnable's own launcher). Run only through the test kit above
   * (nested classes are not run by Maven on their own).
   */
  static class HungStartScenario {

    @Test
    void startsAServerWhoseDeploymentHangs() throws Exception {
      RunnableTests.startUntil(
          RunnableTests.runtime(),
          WORK_DIR,
          FreePorts.find(),
          Map.of("DB_DATABASE", DATABASE, "HANG_ON", "deploy", "STARTUP_TIMEOUT", "600"),
          "/api/v1/ping",
          List.of("--deploy", HangingDeployments.appWar().toString()),
          // 25 s of silence: on a loaded machine the deployment's class scan alone was seen to
          // stay quiet for over 12 s, so the dump showed the scan instead of the hanging listener.
          new StartupGuard.Bounds(Duration.ofSeconds(25), Duration.ofSeconds(120)));
    }
  }
}
