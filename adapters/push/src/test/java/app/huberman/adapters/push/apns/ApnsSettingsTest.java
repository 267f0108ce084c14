package app.huberman.adapters.push.apns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.adapters.push.apns.ApnsSettings.Environment;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApnsSettingsTest {

  @Test
  void theEnvironmentNamesApplesHost() {
    ApnsSettings production = settings(Environment.of(" Production "), Optional.empty());
    ApnsSettings development = settings(Environment.of("development"), Optional.empty());

    assertThat(production.host()).isEqualTo("api.push.apple.com");
    assertThat(production.port()).isEqualTo(443);
    assertThat(development.host()).isEqualTo("api.sandbox.push.apple.com");
    assertThatThrownBy(() -> Environment.of("sandbox"))
        .hasMessageContaining("production or development");
  }

  @Test
  void aServerOfItsOwnIsHostAndPort() {
    ApnsSettings local = settings(Environment.PRODUCTION, Optional.of("127.0.0.1:2197"));

    assertThat(local.host()).isEqualTo("127.0.0.1");
    assertThat(local.port()).isEqualTo(2197);
    for (String bad : new String[] {"127.0.0.1", ":443", "host:0", "host:http", "host:70000"}) {
      assertThatThrownBy(() -> settings(Environment.PRODUCTION, Optional.of(bad)))
          .as(bad)
          .hasMessageContaining("APNS_SERVER");
    }
  }

  @Test
  void everyPartIsRequiredAndTheKeyIsNeverShown() {
    assertThatThrownBy(
            () ->
                new ApnsSettings(
                    "K",
                    " ",
                    "pem",
                    "topic",
                    Environment.PRODUCTION,
                    Optional.empty(),
                    Optional.empty()))
        .hasMessageContaining("APNS_TEAM_ID");
    assertThat(settings(Environment.PRODUCTION, Optional.empty()).toString())
        .doesNotContain("secret-pem");
  }

  private static ApnsSettings settings(Environment environment, Optional<String> server) {
    return new ApnsSettings(
        "KEY", "TEAM", "secret-pem", "app.huberman.ios", environment, server, Optional.empty());
  }
}
