package app.huberman.adapters.monitoring.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BuildInfoTest {

  @Test
  void readsTheVersionAndCommitTheBuildWrote() throws IOException {
    BuildInfo info = read("version=1.4.0\ncommit=0123abcd\n");

    assertThat(info).isEqualTo(new BuildInfo("1.4.0", "0123abcd"));
  }

  @Test
  void whatTheFileDoesNotSayIsUnknown() throws IOException {
    assertThat(read("version=1.4.0\ncommit= \n")).isEqualTo(new BuildInfo("1.4.0", "unknown"));
    assertThat(read("version=${project.version}\n")).isEqualTo(new BuildInfo("unknown", "unknown"));
    assertThat(BuildInfo.from(null)).isEqualTo(new BuildInfo("unknown", "unknown"));
  }

  /** The file this module's build generates (target/generated-resources/build-info). */
  @Test
  void theBuildWritesThisModulesVersionAndAKnownCommitOrUnknown() {
    BuildInfo current = BuildInfo.current();

    assertThat(current.version()).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(current.commit()).matches("[0-9a-f]{7,64}|unknown");
  }

  private static BuildInfo read(String text) throws IOException {
    return BuildInfo.from(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
  }
}
