package app.huberman.adapters.payments.apple;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppleSettingsTest {

  @Test
  void needsATrustAnchor() {
    assertThatThrownBy(() -> new AppleSettings(Optional.of("app"), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void refusesAFileWithoutCertificates(@TempDir Path dir) throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");
    Path garbage =
        Files.writeString(
            dir.resolve("garbage.pem"),
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");

    assertThatThrownBy(() -> AppleSettings.loadPem(empty))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AppleSettings.loadPem(garbage))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aBlankBundleIdIsUnset(@TempDir Path dir) {
    AppleSettings settings =
        AppleSettings.fromPem(Optional.of("  "), AppleTestCa.issue().writeRootPem(dir));

    assertThat(settings.bundleId()).isEmpty();
  }
}
