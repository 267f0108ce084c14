package app.huberman.application.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input breaks a rule the user can fix; each field names what is wrong, in words a user reads.
 * Nothing was changed.
 */
public final class ValidationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Map<String, List<String>> errors;

  public ValidationException(Map<String, List<String>> errors) {
    super("The given data was invalid: " + errors.keySet());
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("A validation failure names at least one field");
    }
    this.errors = Map.copyOf(new LinkedHashMap<>(errors));
  }

  public static ValidationException of(String field, String message) {
    return new ValidationException(Map.of(field, List.of(message)));
  }

  public Map<String, List<String>> errors() {
    return errors;
  }
}
