package app.huberman.adapters.rest.common;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import java.util.Map;

/**
 * The body of every non-2xx answer.
 *
 * @param message a sentence a developer can act on; never internals
 * @param errors per-field messages, for 422 only; omitted otherwise
 */
public record ErrorResponse(
    String message, @JsonbNillable(false) Map<String, List<String>> errors) {

  public static ErrorResponse of(String message) {
    return new ErrorResponse(message, null);
  }
}
