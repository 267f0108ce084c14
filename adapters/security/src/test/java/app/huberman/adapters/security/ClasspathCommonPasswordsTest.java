package app.huberman.adapters.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClasspathCommonPasswordsTest {

  private final ClasspathCommonPasswords common = new ClasspathCommonPasswords();

  @Test
  void holdsTheTenThousandMostCommonPasswords() {
    assertThat(common.size()).isEqualTo(10_000);
  }

  @Test
  void theUsualSuspectsAreCommon() {
    assertThat(common.isCommon("password")).isTrue();
    assertThat(common.isCommon("123456")).isTrue();
    assertThat(common.isCommon("qwerty")).isTrue();
    assertThat(common.isCommon("iloveyou")).isTrue();
  }

  @Test
  void aRandomPassphraseIsNot() {
    assertThat(common.isCommon("violet-tractor-umbrella-49")).isFalse();
    assertThat(common.isCommon("")).isFalse();
  }

  @Test
  void comparisonIgnoresCase() {
    assertThat(common.isCommon("PASSWORD")).isTrue();
    assertThat(common.isCommon("QwErTy")).isTrue();
  }
}
