package app.huberman.bootstrap.e2e.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Starting the runnable for a test and waiting until it serves, guarded by {@link StartupGuard}: a
 * start that hangs is dumped, killed and tried once more; a second failure fails the test with the
 * server's output and the thread dump.
 */
public final class RunnableTests {

  private RunnableTests() {}

  /**
   * Starts {@code huberman-app.jar} with these variables (plus APP_PORT) and waits for readiness.
   */
  public static RunnableProcess startReady(String name, int port, Map<String, String> environment)
      throws IOException {
    return startUntil(name, port, environment, "/health/ready");
  }

  /**
   * The same, waiting until {@code healthPath} answers 200 (readiness needs Redis, started not).
   */
  public static RunnableProcess startUntil(
      String name, int port, Map<String, String> environment, String healthPath)
      throws IOException {
    return startUntil(
        name, port, environment, healthPath, List.of(), StartupGuard.Bounds.standard());
  }

  /** The same with Payara Micro options after the jar and bounds of its own. */
  public static RunnableProcess startUntil(
      String name,
      int port,
      Map<String, String> environment,
      String healthPath,
      List<String> arguments,
      StartupGuard.Bounds bounds)
      throws IOException {
    return startUntil(runnable(), name, port, environment, healthPath, arguments, bounds);
  }

  /** {@code huberman-app.jar}: Payara Micro, the launcher and the application. */
  public static Path runnable() {
    return Path.of(System.getProperty("e2e.runnable"));
  }

  /** {@code huberman-runtime.jar}: Payara Micro and the launcher, without the application. */
  public static Path runtime() {
    return runnable().resolveSibling("huberman-runtime.jar");
  }

  /**
   * Starts this jar ({@link #runnable()} or {@link #runtime()}) with these Payara Micro options
   * after it, guarded by these bounds.
   *
   * @throws IllegalStateException when the runnable died, or hung twice; its process tree is gone
   */
  public static RunnableProcess startUntil(
      Path jar,
      String name,
      int port,
      Map<String, String> environment,
      String healthPath,
      List<String> arguments,
      StartupGuard.Bounds bounds)
      throws IOException {
    Map<String, String> all = new HashMap<>(environment);
    all.put("APP_PORT", Integer.toString(port));
    all.putIfAbsent("APP_ENV", "testing");
    Path workDir = Path.of("target", name).toAbsolutePath();
    HttpTestClient http = HttpTestClient.unchecked(port, java.time.Duration.ofSeconds(5));
    StringBuilder failures = new StringBuilder();
    for (int attempt = 1; attempt <= 2; attempt++) {
      RunnableProcess app = RunnableProcess.start(jar, workDir, all, arguments);
      StartupGuard.Outcome outcome =
          StartupGuard.await(
              app.handle(),
              app::outputSize,
              () -> answers(http, healthPath),
              bounds,
              workDir.resolve("thread-dump-" + app.handle().pid() + ".txt"));
      if (outcome.ending() == StartupGuard.Ending.READY) {
        return app;
      }
      ServerProcesses.killTree(app.handle());
      failures
          .append("\n=== attempt ")
          .append(attempt)
          .append(": ")
          .append(outcome.ending())
          .append(" ===\n")
          .append(app.tail());
      if (!outcome.threadDump().isEmpty()) {
        failures
            .append("\n--- thread dump ---\n")
            .append(StartupGuard.excerpt(outcome.threadDump()));
      }
      if (!outcome.ending().worthRetrying()) {
        break;
      }
    }
    throw new IllegalStateException("The runnable did not become ready:" + failures);
  }

  /**
   * Runs an operator command ({@code java -jar huberman-app.jar <command>}) with these variables;
   * its exit status. Its output goes to {@code target/operator-commands/}.
   */
  public static int runCommand(Map<String, String> environment, String... command)
      throws IOException, InterruptedException {
    Path workDir = Path.of("target", "operator-commands").toAbsolutePath();
    java.nio.file.Files.createDirectories(workDir);
    List<String> line = new java.util.ArrayList<>();
    line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    line.add("-Djava.io.tmpdir=" + workDir);
    line.add("-jar");
    line.add(runnable().toString());
    line.addAll(List.of(command));
    ProcessBuilder builder =
        new ProcessBuilder(line)
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve(command[0].replace(':', '-') + ".log").toFile());
    builder.environment().putAll(environment);
    Process process = builder.start();
    if (!process.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)) {
      ServerProcesses.killTree(process.toHandle());
      throw new IllegalStateException(String.join(" ", command) + " did not end within 120 s");
    }
    return process.exitValue();
  }

  private static boolean answers(HttpTestClient http, String healthPath) {
    try {
      return http.get(healthPath).status() == 200;
    } catch (IllegalStateException notYet) {
      return false;
    }
  }
}
