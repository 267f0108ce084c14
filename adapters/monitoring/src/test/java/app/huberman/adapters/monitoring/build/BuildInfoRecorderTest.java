package app.huberman.adapters.monitoring.build;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.monitoring.logging.CapturedLog;
import app.huberman.adapters.monitoring.subscriptions.CountingRegistry;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.eclipse.microprofile.metrics.Tag;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BuildInfoRecorderTest {

  private final CountingRegistry metrics = new CountingRegistry();
  private CapturedLog log;
  private Level parentLevel;

  @BeforeEach
  void captureTheLog() {
    log = CapturedLog.attach(BuildInfoRecorder.LOG);
    parentLevel = BuildInfoRecorder.LOG.getParent().getLevel();
  }

  @AfterEach
  void releaseTheLog() {
    log.detach();
    BuildInfoRecorder.LOG.getParent().setLevel(parentLevel);
  }

  @Test
  void exportsAppBuildInfoAtOneWithTheVersionAndCommitAsLabels() {
    new BuildInfoRecorder(metrics.registry(), new BuildInfo("1.4.0", "0123abcd")).record();

    Object value =
        metrics.gaugeValue(
            "app_build_info", new Tag("version", "1.4.0"), new Tag("commit", "0123abcd"));
    assertThat(value).isInstanceOf(Number.class);
    assertThat(((Number) value).doubleValue()).isEqualTo(1.0);
  }

  @Test
  void logsOneBuildInfoEventEvenWhereTheLogLevelIsWarning() {
    BuildInfoRecorder.LOG.getParent().setLevel(Level.WARNING);

    new BuildInfoRecorder(metrics.registry(), new BuildInfo("1.4.0", "unknown")).record();

    assertThat(log.records()).hasSize(1);
    LogRecord record = log.records().get(0);
    assertThat(record.getMessage()).isEqualTo("app.build_info");
    assertThat(record.getLevel()).isEqualTo(Level.INFO);
    assertThat(record.getParameters()[0])
        .isEqualTo(Map.of("version", "1.4.0", "commit", "unknown"));
  }
}
