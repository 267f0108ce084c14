package app.huberman.bootstrap.e2e.support;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Starting the runnable for a test and waiting until it serves. */
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
    Map<String, String> all = new HashMap<>(environment);
    all.put("APP_PORT", Integer.toString(port));
    all.putIfAbsent("APP_ENV", "testing");
    RunnableProcess app =
        RunnableProcess.start(
            Path.of(System.getProperty("e2e.runnable")),
            Path.of("target", name).toAbsolutePath(),
            all);
    HttpTestClient http = new HttpTestClient(port);
    boolean ready =
        Eventually.holds(
            Duration.ofSeconds(120),
            () -> {
              try {
                return http.get(healthPath).status() == 200;
              } catch (IllegalStateException notYet) {
                return false;
              }
            });
    if (!ready) {
      throw new IllegalStateException("The runnable did not become ready:\n" + app.tail());
    }
    return app;
  }
}
