package app.huberman.adapters.rest.common;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorResponseTest {

  @Test
  void hasOnlyAMessageOutsideValidationErrors() {
    JsonObject json = JsonTestSupport.toJsonObject(ErrorResponse.of("Not found."));

    assertThat(json.keySet()).containsExactly("message");
    assertThat(json.getString("message")).isEqualTo("Not found.");
  }

  @Test
  void listsMessagesPerFieldForValidationErrors() {
    JsonObject json =
        JsonTestSupport.toJsonObject(
            new ErrorResponse(
                "The given data was invalid.",
                Map.of("email", List.of("The email must be a valid email address."))));

    assertThat(json.getJsonObject("errors").getJsonArray("email").getString(0))
        .isEqualTo("The email must be a valid email address.");
  }

  @Test
  void givesEveryContractStatusItsOwnMessageAndHidesServerInternals() {
    for (int status : new int[] {400, 401, 403, 404, 405, 406, 409, 413, 415, 429, 503}) {
      assertThat(ErrorResponses.standardMessage(status))
          .as("status %d", status)
          .isNotEqualTo(ErrorResponses.standardMessage(500))
          .isNotEqualTo(ErrorResponses.standardMessage(418));
    }
    assertThat(ErrorResponses.standardMessage(502)).isEqualTo("Internal server error.");
  }
}
