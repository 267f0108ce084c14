package app.huberman.bootstrap.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class LauncherConfigurationTest {

  private static final Path LOGGING = Path.of("/tmp/logging.properties");
  private static final Path PREBOOT = Path.of("/tmp/preboot.asadmin");
  private static final Path POSTDEPLOY = Path.of("/tmp/postdeploy.asadmin");

  @Test
  void takesThePortFromTheEnvironmentAndTurnsClusteringOff() {
    List<String> arguments =
        PayaraArguments.from(Map.of("APP_PORT", "9090"), LOGGING, PREBOOT, POSTDEPLOY, List.of());

    assertThat(arguments).containsSubsequence("--port", "9090");
    assertThat(arguments).contains("--nohazelcast", "--disablephonehome");
    assertThat(arguments).containsSubsequence("--logProperties", LOGGING.toString());
    assertThat(arguments).containsSubsequence("--shutdowngrace", "3000");
    assertThat(arguments).containsSubsequence("--prebootcommandfile", PREBOOT.toString());
    assertThat(arguments).containsSubsequence("--postdeploycommandfile", POSTDEPLOY.toString());
  }

  @Test
  void keepsTheHttpPortClosedUntilTheApplicationIsDeployed() {
    String listener =
        "set configs.config.server-config.network-config.network-listeners.network-listener"
            + ".http-listener.enabled=";
    HttpThreadPool pool = HttpThreadPool.fromEnvironment(Map.of(), 2);

    assertThat(PrebootCommands.commands(pool, true)).endsWith(listener + "false\n");
    assertThat(PostDeployCommands.LISTENER_OPEN).isEqualTo(listener + "true\n");
  }

  @Test
  void aCommandLineWithItsOwnPostDeployCommandsKeepsThemAndTheListenerIsNeverClosed() {
    List<String> own = List.of("--postdeploycommandfile", "/etc/mine.asadmin");

    assertThat(PayaraArguments.mayAddPostDeployCommands(own)).isFalse();
    assertThat(PayaraArguments.mayAddPostDeployCommands(List.of())).isTrue();
    assertThat(PrebootCommands.commands(HttpThreadPool.fromEnvironment(Map.of(), 2), false))
        .doesNotContain("http-listener.enabled");
    assertThat(PayaraArguments.from(Map.of(), LOGGING, PREBOOT, null, own))
        .containsOnlyOnce("--postdeploycommandfile");
  }

  @Test
  void letsTheCommandLineOverrideAndKeepsItsArguments() {
    List<String> arguments =
        PayaraArguments.from(
            Map.of("APP_PORT", "9090", "HAZELCAST_ENABLED", "true"),
            LOGGING,
            PREBOOT,
            POSTDEPLOY,
            List.of("--port", "7070", "--deploy", "x.war"));

    assertThat(arguments).doesNotContain("9090", "--nohazelcast");
    assertThat(arguments).endsWith("--port", "7070", "--deploy", "x.war");
  }

  @Test
  void sizesTheHttpThreadPoolFromTheEnvironmentWithAFixedSize() {
    assertThat(HttpThreadPool.fromEnvironment(Map.of(), 2).threads()).isEqualTo(8);
    assertThat(HttpThreadPool.fromEnvironment(Map.of(), 6).threads()).isEqualTo(24);
    assertThat(HttpThreadPool.fromEnvironment(Map.of("HTTP_THREADS", " 8 "), 4).prebootCommands())
        .isEqualTo(
            "set configs.config.server-config.thread-pools.thread-pool.http-thread-pool"
                + ".max-thread-pool-size=8\n"
                + "set configs.config.server-config.thread-pools.thread-pool.http-thread-pool"
                + ".min-thread-pool-size=8\n");
    for (String wrong : new String[] {"0", "-1", "1025", "many", "1.5"}) {
      assertThatThrownBy(() -> HttpThreadPool.fromEnvironment(Map.of("HTTP_THREADS", wrong), 2))
          .hasMessageContaining("HTTP_THREADS")
          .hasMessageContaining(wrong);
    }
  }

  @Test
  void thePrebootCommandsLetTheHttpListenerReadTheBodyOfADelete() {
    assertThat(PrebootCommands.commands(HttpThreadPool.fromEnvironment(Map.of(), 2), true))
        .contains("http-thread-pool.max-thread-pool-size=8\n")
        .contains(
            "set configs.config.server-config.network-config.protocols.protocol.http-listener.http"
                + ".allow-payload-for-undefined-http-methods=true\n");
  }

  @Test
  void defaultsThePortAndRefusesANonsensicalOne() {
    assertThat(PayaraArguments.port(null)).isEqualTo("8080");
    assertThat(PayaraArguments.port(" ")).isEqualTo("8080");
    assertThatThrownBy(() -> PayaraArguments.port("http")).hasMessageContaining("APP_PORT");
    assertThatThrownBy(() -> PayaraArguments.port("70000")).hasMessageContaining("APP_PORT");
  }

  @Test
  void logsDebugLocallyAndWarningsInProductionUnlessToldOtherwise() {
    assertThat(LogSetup.fromEnvironment(Map.of()).applicationLevel()).isEqualTo(Level.FINE);
    assertThat(LogSetup.fromEnvironment(Map.of("APP_ENV", "production")).applicationLevel())
        .isEqualTo(Level.WARNING);
    assertThat(
            LogSetup.fromEnvironment(Map.of("APP_ENV", "production", "LOG_LEVEL", "info"))
                .applicationLevel())
        .isEqualTo(Level.INFO);
  }

  @Test
  void keepsServerLoggersAtInfoOrStricterSoDebugDoesNotDrownTheOutput() {
    LogSetup debug = LogSetup.fromEnvironment(Map.of("LOG_LEVEL", "DEBUG"));
    LogSetup error = LogSetup.fromEnvironment(Map.of("LOG_LEVEL", "ERROR"));

    assertThat(debug.rootLevel()).isEqualTo(Level.INFO);
    assertThat(error.rootLevel()).isEqualTo(Level.SEVERE);
    assertThat(debug.loggingProperties())
        .contains(".level=INFO")
        .contains("app.huberman.level=FINE")
        .contains("handlers=app.huberman.adapters.monitoring.logging.StdoutJsonHandler");
  }

  @Test
  void refusesUnknownLevelsAndEnvironmentsWithAClearMessage() {
    assertThatThrownBy(() -> LogSetup.parse("LOUD")).hasMessageContaining("LOG_LEVEL");
    assertThatThrownBy(() -> LogSetup.fromEnvironment(Map.of("APP_ENV", "staging")))
        .hasMessageContaining("APP_ENV");
    assertThat(LogSetup.parse("warn")).isEqualTo(Level.WARNING);
  }
}
