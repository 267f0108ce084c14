package app.huberman.bootstrap.cli;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The little JSON the CLI prints: flat objects of strings and numbers. Written by hand because the
 * CLI runs without the server that provides JSON-P; strings are escaped per RFC 8259.
 */
final class Json {

  private Json() {}

  /** An object with the entries in the map's iteration order; values are strings or numbers. */
  static String object(Map<String, ?> fields) {
    return fields.entrySet().stream()
        .map(entry -> string(entry.getKey()) + ":" + value(entry.getValue()))
        .collect(Collectors.joining(",", "{", "}"));
  }

  private static String value(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof Number || value instanceof Boolean) {
      return value.toString();
    }
    return string(value.toString());
  }

  static String string(String text) {
    StringBuilder json = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }
}
