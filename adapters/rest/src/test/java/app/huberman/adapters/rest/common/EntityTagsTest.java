package app.huberman.adapters.rest.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntityTagsTest {

  private static final String VERSION = "0f1e2d3c";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"0f1e2d3c\"                | true",
        "W/\"0f1e2d3c\"              | true",
        "\"old\", \"0f1e2d3c\"       | true",
        "*                           | true",
        "\"old\"                     | false",
        "0f1e2d3c                    | false",
        "\"unclosed, W/              | false",
        "''                          | false"
      })
  void readsIfNoneMatchWithoutEverFailingOnIt(String header, boolean matches) {
    assertThat(EntityTags.matches(header, VERSION)).isEqualTo(matches);
  }
}
