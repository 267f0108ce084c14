package app.huberman.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.bootstrap.e2e.support.E2eDatabase;
import app.huberman.bootstrap.e2e.support.FreePorts;
import app.huberman.bootstrap.e2e.support.RunnableProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A setting that cannot work stops the start: the runnable exits with status 3 and says why, rather
 * than serving with every webhook (and every job) failing.
 */
class MisconfiguredStartIT {

  @Test
  void anUnreadableAppleTrustAnchorStopsTheStartWithExitStatus3() throws Exception {
    String database = "huberman_it_misconf_" + UUID.randomUUID().toString().substring(0, 8);
    Path missing = Path.of("target", "no-such-apple-root.pem").toAbsolutePath();
    try (RunnableProcess app =
        RunnableProcess.start(
            Path.of(System.getProperty("e2e.runnable")),
            Path.of("target", "misconfigured-it").toAbsolutePath(),
            Map.of(
                "APP_PORT", Integer.toString(FreePorts.find()),
                "DB_DATABASE", database,
                "APPLE_ROOT_CA_PEM", missing.toString()))) {

      int status = app.awaitExit(Duration.ofSeconds(120));

      assertThat(status).as(app.tail()).isEqualTo(3);
      assertThat(app.stdoutLines())
          .anyMatch(line -> line.contains("Cannot read the trust anchors in " + missing))
          .anyMatch(line -> line.contains("The application did not deploy"));
    } finally {
      E2eDatabase.drop(database);
    }
  }
}
