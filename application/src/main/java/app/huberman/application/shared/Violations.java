package app.huberman.application.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects what is wrong with a command, field by field, and throws once at the end. */
public final class Violations {

  private final Map<String, List<String>> errors = new LinkedHashMap<>();

  public Violations add(String field, String message) {
    errors.computeIfAbsent(field, name -> new ArrayList<>()).add(message);
    return this;
  }

  public Violations addAll(String field, List<String> messages) {
    messages.forEach(message -> add(field, message));
    return this;
  }

  public boolean has(String field) {
    return errors.containsKey(field);
  }

  /** A required text field: present and not blank. */
  public String required(String field, String value) {
    if (value == null || value.isBlank()) {
      add(field, "The " + field.replace('_', ' ') + " field is required.");
    }
    return value;
  }

  /**
   * @throws ValidationException when anything was collected
   */
  public void throwIfAny() {
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }
}
