package app.huberman.bootstrap.e2e.support;

import java.util.List;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * The last net under every test run of this module (registered through {@code META-INF/services}):
 * when the test plan ends, any Payara server still running among the test JVM's descendants is
 * killed with its process tree and named on standard error. The tests stop their own servers; this
 * catches the one a test forgot, so that it cannot hold its ports into the next run. {@code
 * .ci/run} then checks that no server is left at all.
 */
public final class NoServerLeftBehind implements TestExecutionListener {

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    ServerProcesses.running(); // loads the class, whose shutdown hook covers a killed test JVM
  }

  @Override
  public void testPlanExecutionFinished(TestPlan testPlan) {
    List<String> killed = ServerProcesses.killAll();
    killed.forEach(
        server -> System.err.println("Killed a server that a test left running: " + server));
  }
}
