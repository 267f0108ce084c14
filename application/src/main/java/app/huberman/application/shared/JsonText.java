package app.huberman.application.shared;

/**
 * A string as a JSON string literal (RFC 8259), the one escaper of the project: the operator CLI's
 * {@code --json} output and the JSON log lines both write strings through it, so they cannot
 * disagree. Quotes, backslashes and every control character are escaped ({@code \n}, {@code \r},
 * {@code \t} by name, the others as {@code \}{@code u00XX}), so a value never breaks a line; U+2028
 * and U+2029, legal in JSON but line ends in JavaScript, are escaped too. Everything else,
 * characters outside the Basic Multilingual Plane included, is written as it is.
 *
 * <p>It lives here, in plain Java with no dependency, because it is the one module both callers may
 * know: the CLI adapter depends on the application only, and the log formatter must run before the
 * server's JSON-P is available (the launcher puts it, and this class, on the JVM's own class path).
 * It formats a value; it decides nothing.
 */
public final class JsonText {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsonText() {}

  /** The text between double quotes, escaped. */
  public static String quote(String text) {
    StringBuilder json = new StringBuilder(text.length() + 2);
    quote(json, text);
    return json.toString();
  }

  /** Appends the text between double quotes, escaped. */
  public static void quote(StringBuilder json, String text) {
    json.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            json.append("\\u")
                .append(HEX[c >> 12 & 0xf])
                .append(HEX[c >> 8 & 0xf])
                .append(HEX[c >> 4 & 0xf])
                .append(HEX[c & 0xf]);
          } else {
            json.append(c);
          }
        }
      }
    }
    json.append('"');
  }
}
