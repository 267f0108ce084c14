package app.huberman.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigurationProducerTest {

  @ParameterizedTest
  @ValueSource(strings = {"true", "TRUE", "True", " true "})
  void aFlagIsTrueOnlyWhenItSaysTrue(String value) {
    assertThat(ConfigurationProducer.flag("REDIS_SSL", value)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"false", "FALSE", " false"})
  void aFlagIsFalseOnlyWhenItSaysFalse(String value) {
    assertThat(ConfigurationProducer.flag("REDIS_SSL", value)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "yes", "no", "1", "0", "on", "ture", "tls", "rediss"})
  void anythingElseStopsTheStartNamingTheVariableAndTheValue(String value) {
    assertThatThrownBy(() -> ConfigurationProducer.flag("REDIS_SSL", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("REDIS_SSL must be true or false, not '" + value + "'");
  }
}
