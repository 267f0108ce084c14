package app.huberman.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.adapters.cli.CliFailure;
import app.huberman.adapters.persistence.migration.PostgresServer;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Defaults are written once, in {@code microprofile-config.properties}; the places that quote them
 * for people (the README's "Configuration" table, {@code .env.example}) and for Payara's connection
 * pool ({@code web.xml}) must say the same, and the CLI reads them from the file.
 */
class ConfigurationDefaultsTest {

  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern CELL = Pattern.compile("\\|");
  private static final Pattern SLASH = Pattern.compile(" / ");
  private static final Pattern WEB_XML_DEFAULT = Pattern.compile("\\$\\{ENV=([A-Z_]+):([^}]*)}");

  private final Map<String, String> defaults = defaults();

  @Test
  void theFileHoldsTheDefaultsTheServerHasAlwaysHad() {
    assertThat(ConfigurationDefaults.of("DB_HOST")).isEqualTo("127.0.0.1");
    assertThat(ConfigurationDefaults.of("AUTH_TOKEN_TTL")).isEqualTo("P7D");
    assertThat(ConfigurationDefaults.of("QUEUE_WORKERS")).isEqualTo("4");
    assertThat(ConfigurationDefaults.of("NO_SUCH_SETTING")).isEmpty();
  }

  @Test
  void theReadmeTableQuotesEveryDefault() throws IOException {
    Map<String, String> readme = readmeDefaults();

    assertThat(readme).containsAllEntriesOf(defaults);
  }

  @Test
  void envExampleQuotesEveryDefaultExceptThePlaceholderSecrets() throws IOException {
    Map<String, String> example = assignments(Files.readString(REPOSITORY.resolve(".env.example")));

    defaults.forEach(
        (name, value) -> {
          if (!value.isEmpty()) {
            assertThat(example).as(".env.example").containsEntry(name, value);
          }
        });
  }

  @Test
  void webXmlGivesThePoolTheSameDefaults() throws IOException {
    Matcher matcher =
        WEB_XML_DEFAULT.matcher(
            Files.readString(REPOSITORY.resolve("bootstrap/src/main/webapp/WEB-INF/web.xml")));
    int found = 0;
    while (matcher.find()) {
      assertThat(defaults).as("web.xml").containsEntry(matcher.group(1), matcher.group(2));
      found++;
    }
    assertThat(found).isPositive();
  }

  @Test
  void theCliUsesTheDefaultsUnlessAVariableIsSet() {
    CliEnvironment unset = new CliEnvironment(Map.of("DB_HOST", " ", "DB_DATABASE", ""));
    CliEnvironment set = new CliEnvironment(Map.of("DB_PORT", "6543", "QUEUE_WORKERS", "9"));

    assertThat(unset.database())
        .isEqualTo(new PostgresServer("127.0.0.1", 5432, "huberman", "postgres", ""));
    assertThat(unset.queueWorkers()).isEqualTo(4);
    assertThat(set.database().port()).isEqualTo(6543);
    assertThat(set.queueWorkers()).isEqualTo(9);
    assertThatThrownBy(() -> new CliEnvironment(Map.of("DB_PORT", "x")).database())
        .isInstanceOf(CliFailure.class)
        .hasMessage("DB_PORT must be a port number, not 'x'");
  }

  private static Map<String, String> defaults() {
    try {
      Properties file = new Properties();
      file.load(
          new StringReader(
              Files.readString(
                  REPOSITORY.resolve(
                      "bootstrap/src/main/resources/" + ConfigurationDefaults.FILE))));
      Map<String, String> defaults = new LinkedHashMap<>();
      file.stringPropertyNames().stream()
          .filter(name -> !name.startsWith("mp."))
          .forEach(name -> defaults.put(name, file.getProperty(name)));
      return defaults;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The table's rows: {@code | A / B | a / (empty) | ...}, one default per name. */
  private static Map<String, String> readmeDefaults() throws IOException {
    Map<String, String> readme = new LinkedHashMap<>();
    for (String line : Files.readAllLines(REPOSITORY.resolve("README.md"))) {
      List<String> cells = CELL.splitAsStream(line).toList();
      if (cells.size() < 4 || !cells.get(1).strip().matches("[A-Z_]+( / [A-Z_]+)*")) {
        continue;
      }
      List<String> names = SLASH.splitAsStream(cells.get(1).strip()).toList();
      List<String> values = SLASH.splitAsStream(cells.get(2).strip()).toList();
      if (names.size() == values.size()) {
        for (int i = 0; i < names.size(); i++) {
          readme.put(names.get(i), readmeValue(values.get(i)));
        }
      }
    }
    return readme;
  }

  /** {@code (empty)} is the empty string; an explanation in parentheses is left out. */
  private static String readmeValue(String cell) {
    if (cell.equals("(empty)")) {
      return "";
    }
    int note = cell.indexOf(" (");
    return note < 0 ? cell : cell.substring(0, note);
  }

  private static Map<String, String> assignments(String text) throws IOException {
    Properties file = new Properties();
    file.load(new StringReader(text));
    Map<String, String> assignments = new LinkedHashMap<>();
    file.stringPropertyNames().forEach(name -> assignments.put(name, file.getProperty(name)));
    return assignments;
  }
}
