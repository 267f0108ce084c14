package app.huberman.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.subscription.service.SandboxAccess;
import org.junit.jupiter.api.Test;
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

  @Test
  void aRefreshIsWholeSecondsOrAnIsoDurationAndZeroIsAllowed() {
    assertThat(ConfigurationProducer.seconds("PLANS_REFRESH", "60")).hasSeconds(60);
    assertThat(ConfigurationProducer.seconds("PLANS_REFRESH", " PT2M ")).hasMinutes(2);
    assertThat(ConfigurationProducer.seconds("PLANS_REFRESH", "0")).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "-5", "1m", "sixty", "60s", "1.5"})
  void anythingElseThanSecondsOrADurationStopsTheStartNamingTheVariableAndTheValue(String value) {
    assertThatThrownBy(() -> ConfigurationProducer.seconds("PLANS_REFRESH", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "PLANS_REFRESH must be a number of seconds or an ISO-8601 duration such as PT1M, not '"
                + value
                + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"anybody", "ALLOWLIST", " Nobody "})
  void aSandboxAccessIsOneOfTheThreeModesInAnyCase(String value) {
    assertThat(ConfigurationProducer.sandboxMode("APPLE_SANDBOX_ACCESS", value).key())
        .isEqualTo(value.strip().toLowerCase(java.util.Locale.ROOT));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "everybody", "none", "allow-list", "true", "sandbox"})
  void anyOtherSandboxAccessStopsTheStartNamingTheVariableAndTheValue(String value) {
    assertThatThrownBy(
            () -> ConfigurationProducer.sandboxMode("GOOGLE_TEST_PURCHASE_ACCESS", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "GOOGLE_TEST_PURCHASE_ACCESS must be anybody, allowlist or nobody, not '"
                + value
                + "'");
  }

  @Test
  void anAllowlistIsEmailAddressesSeparatedByCommasComparedWithoutCase() {
    SandboxAccess access =
        ConfigurationProducer.sandboxAccess(
            "APPLE_SANDBOX_ACCESS",
            "allowlist",
            "APPLE_SANDBOX_ALLOWLIST",
            " Review@Example.com, tester@example.com ,");

    assertThat(access.mode()).isEqualTo(SandboxAccess.Mode.ALLOWLIST);
    assertThat(access.allowlist())
        .containsExactlyInAnyOrder("review@example.com", "tester@example.com");
  }

  @Test
  void anAllowlistNamingNoAccountOrSomethingElseThanAddressesStopsTheStart() {
    assertThatThrownBy(
            () ->
                ConfigurationProducer.sandboxAccess(
                    "APPLE_SANDBOX_ACCESS", "allowlist", "APPLE_SANDBOX_ALLOWLIST", " , "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "APPLE_SANDBOX_ACCESS is allowlist, but APPLE_SANDBOX_ALLOWLIST names no account");
    assertThatThrownBy(
            () ->
                ConfigurationProducer.sandboxAccess(
                    "APPLE_SANDBOX_ACCESS",
                    "allowlist",
                    "APPLE_SANDBOX_ALLOWLIST",
                    "tester@example.com; review@example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "APPLE_SANDBOX_ALLOWLIST must be email addresses separated by commas, not"
                + " 'tester@example.com; review@example.com'");
  }

  @Test
  void aListForAnotherModeIsIgnored() {
    SandboxAccess access =
        ConfigurationProducer.sandboxAccess(
            "APPLE_SANDBOX_ACCESS", "nobody", "APPLE_SANDBOX_ALLOWLIST", "tester@example.com");

    assertThat(access.mode()).isEqualTo(SandboxAccess.Mode.NOBODY);
    assertThat(access.allowlist()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "testing", "LOCAL"})
  void unsetTheApiDocsAreServedOutsideProduction(String appEnv) {
    assertThat(ConfigurationProducer.apiDocs(appEnv, "").enabled()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"production", "Production", " PRODUCTION "})
  void unsetTheApiDocsAreNotServedInProduction(String appEnv) {
    assertThat(ConfigurationProducer.apiDocs(appEnv, "").enabled()).isFalse();
  }

  @Test
  void setTheApiDocsFollowApiDocsEnabledWhateverTheEnvironment() {
    assertThat(ConfigurationProducer.apiDocs("production", "true").enabled()).isTrue();
    assertThat(ConfigurationProducer.apiDocs("production", " TRUE ").enabled()).isTrue();
    assertThat(ConfigurationProducer.apiDocs("local", "false").enabled()).isFalse();
    assertThat(ConfigurationProducer.apiDocs("testing", "False").enabled()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"yes", "1", "on", "enabled", "ture"})
  void anyOtherApiDocsEnabledStopsTheStartNamingTheVariableAndTheValue(String value) {
    assertThatThrownBy(() -> ConfigurationProducer.apiDocs("local", value))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("API_DOCS_ENABLED must be true or false, not '" + value + "'");
  }
}
