package app.huberman.application.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTextTest {

  @Test
  void plainTextIsOnlyQuoted() {
    assertThat(JsonText.quote("admin.granted")).isEqualTo("\"admin.granted\"");
    assertThat(JsonText.quote("")).isEqualTo("\"\"");
  }

  @Test
  void quotesAndBackslashesAreEscaped() {
    assertThat(JsonText.quote("say \"hi\" \\ bye")).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
  }

  @Test
  void lineBreaksAndTabsAreEscapedByName() {
    assertThat(JsonText.quote("a\nb\rc\td")).isEqualTo("\"a\\nb\\rc\\td\"");
  }

  @Test
  void otherControlCharactersAreEscapedAsLowerCaseUnicode() {
    assertThat(JsonText.quote("\u0000\u0001\u0008\u000c\u001b\u001f"))
        .isEqualTo("\"\\u0000\\u0001\\u0008\\u000c\\u001b\\u001f\"");
  }

  @Test
  void javaScriptLineSeparatorsAreEscaped() {
    assertThat(JsonText.quote("a\u2028b\u2029c")).isEqualTo("\"a\\u2028b\\u2029c\"");
  }

  @Test
  void deleteAndNonAsciiTextAreWrittenAsTheyAre() {
    assertThat(JsonText.quote("\u007fé€…")).isEqualTo("\"\u007fé€…\"");
  }

  @Test
  void charactersOutsideTheBasicPlaneKeepTheirSurrogatePair() {
    String emoji = new String(Character.toChars(0x1F600));

    assertThat(JsonText.quote("x" + emoji + "y")).isEqualTo("\"x" + emoji + "y\"");
    assertThat(JsonText.quote(emoji)).hasSize(4);
  }

  @Test
  void appendsToWhatIsAlreadyWritten() {
    StringBuilder line = new StringBuilder("{\"message\":");

    JsonText.quote(line, "a\u2029");

    assertThat(line.append('}')).hasToString("{\"message\":\"a\\u2029\"}");
  }
}
