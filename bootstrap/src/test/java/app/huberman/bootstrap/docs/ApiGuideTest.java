package app.huberman.bootstrap.docs;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.bootstrap.e2e.support.Contract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The guide ({@code docs/api.md}) and the contract ({@code openapi.yaml}) name the same endpoints:
 * each endpoint has a heading in the guide, each heading is an operation of the document, and an
 * endpoint the guide mentions in passing exists.
 */
class ApiGuideTest {

  private static final Path GUIDE = Path.of("..", "docs", "api.md");
  private static final Pattern ENDPOINT =
      Pattern.compile("\\b(GET|POST|PUT|PATCH|DELETE) (/[^\\s`?·|]*)");
  private static final Pattern MENTION =
      Pattern.compile("`(GET|POST|PUT|PATCH|DELETE) (/[^\\s`?]*)[^`]*`");

  private final Set<String> operations = Contract.get().operations();

  @Test
  void theHeadingsNameExactlyTheOperationsOfTheContract() throws IOException {
    Set<String> headed = new TreeSet<>();
    for (String heading : prose().stream().filter(line -> line.startsWith("#")).toList()) {
      Matcher endpoint = ENDPOINT.matcher(heading);
      while (endpoint.find()) {
        headed.add(endpoint.group(1) + " " + endpoint.group(2));
      }
    }

    assertThat(headed)
        .as("endpoints with a heading in docs/api.md vs operations of openapi.yaml")
        .containsExactlyInAnyOrderElementsOf(operations);
  }

  @Test
  void everyEndpointMentionedInPassingExists() throws IOException {
    List<String> unknown = new ArrayList<>();
    for (String line : prose()) {
      Matcher mention = MENTION.matcher(line);
      while (mention.find()) {
        String endpoint = mention.group(1) + " " + mention.group(2);
        if (operations.stream().noneMatch(operation -> matches(operation, endpoint))) {
          unknown.add(endpoint);
        }
      }
    }

    assertThat(unknown).as("endpoints docs/api.md mentions that openapi.yaml lacks").isEmpty();
  }

  @Test
  void aTemplateMatchesItsConcretePathsOnly() {
    assertThat(matches("DELETE /api/v1/user/devices/{id}", "DELETE /api/v1/user/devices/12"))
        .isTrue();
    assertThat(matches("DELETE /api/v1/user/devices/{id}", "DELETE /api/v1/user/devices"))
        .isFalse();
    assertThat(matches("GET /api/v1/user/devices", "POST /api/v1/user/devices")).isFalse();
  }

  /** The guide's lines outside fenced code blocks (examples there show requests, not names). */
  private static List<String> prose() throws IOException {
    List<String> prose = new ArrayList<>();
    boolean inCode = false;
    for (String line : Files.readAllLines(GUIDE)) {
      if (line.startsWith("```")) {
        inCode = !inCode;
      } else if (!inCode) {
        prose.add(line);
      }
    }
    return prose;
  }

  private static boolean matches(String operation, String endpoint) {
    String pattern = Pattern.quote(operation).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
    return endpoint.matches(pattern);
  }
}
