package app.huberman.bootstrap.launcher;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * A time limit read from the environment: whole seconds ({@code 120}) or an ISO-8601 duration
 * ({@code PT2M}), from 1 second to 1 hour.
 */
record Deadline(String variable, Duration duration) {

  static final Duration MAX = Duration.ofHours(1);

  static Deadline fromEnvironment(
      Map<String, String> environment, String variable, Duration fallback) {
    String value = environment.get(variable);
    if (value == null || value.isBlank()) {
      return new Deadline(variable, fallback);
    }
    Duration duration = parse(value.strip());
    if (duration == null
        || duration.compareTo(Duration.ofSeconds(1)) < 0
        || duration.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(
          variable
              + " must be a number of seconds (1 to 3600) or an ISO-8601 duration such as PT2M, not '"
              + value
              + "'");
    }
    return new Deadline(variable, duration);
  }

  private static Duration parse(String value) {
    try {
      return value.chars().allMatch(Character::isDigit)
          ? Duration.ofSeconds(Long.parseLong(value))
          : Duration.parse(value);
    } catch (NumberFormatException | DateTimeParseException e) {
      return null;
    }
  }
}
