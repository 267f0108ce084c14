package app.huberman.adapters.cli;

import app.huberman.application.shared.JsonText;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The little JSON the CLI prints: flat objects of strings and numbers. Written by hand because the
 * CLI runs without the server that provides JSON-P; strings are escaped by {@link JsonText}, as in
 * the JSON log lines.
 */
final class Json {

  private Json() {}

  /** An object with the entries in the map's iteration order; values are strings or numbers. */
  static String object(Map<String, ?> fields) {
    return fields.entrySet().stream()
        .map(entry -> JsonText.quote(entry.getKey()) + ":" + value(entry.getValue()))
        .collect(Collectors.joining(",", "{", "}"));
  }

  private static String value(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return JsonText.quote(value.toString());
  }
}
