package app.huberman.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordHashingSettingsTest {

  @Test
  void unsetItIsAThreadPerCoreAndFourWaitingPerThread() {
    assertThat(PasswordHashingSettings.of("", " ", 2)).isEqualTo(new PasswordHashingSettings(2, 8));
    assertThat(PasswordHashingSettings.of("3", "", 2))
        .isEqualTo(new PasswordHashingSettings(3, 12));
    assertThat(PasswordHashingSettings.of(" 1 ", "5", 2))
        .isEqualTo(new PasswordHashingSettings(1, 5));
  }

  @Test
  void aValueThatIsNoCountStopsTheStartWithItsName() {
    assertThatThrownBy(() -> PasswordHashingSettings.of("many", "", 2))
        .hasMessage("PASSWORD_HASHING_THREADS must be a whole number, not 'many'");
    assertThatThrownBy(() -> PasswordHashingSettings.of("", "0", 2))
        .hasMessage("PASSWORD_HASHING_QUEUE must be between 1 and 100000, not 0");
    assertThatThrownBy(() -> PasswordHashingSettings.of("0", "", 2))
        .hasMessage("PASSWORD_HASHING_THREADS must be between 1 and 256, not 0");
  }
}
