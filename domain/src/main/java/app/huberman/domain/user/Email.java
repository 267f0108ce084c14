package app.huberman.domain.user;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An email address as the user typed it (trimmed). Two addresses that differ only in case are the
 * same account: compare and look up by {@link #normalized()}.
 */
public record Email(String value) {

  static final int MAX_LENGTH = 254;
  private static final Pattern SHAPE = Pattern.compile("[^\\s@]+@[^\\s@]+\\.[^\\s@.]{2,}");

  public Email {
    Objects.requireNonNull(value, "value");
    if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("Not an email address");
    }
  }

  /**
   * @throws IllegalArgumentException when the text is not an email address
   */
  public static Email of(String raw) {
    return new Email(Objects.requireNonNull(raw, "raw").strip());
  }

  public static boolean isValid(String raw) {
    return raw != null
        && raw.strip().length() <= MAX_LENGTH
        && SHAPE.matcher(raw.strip()).matches();
  }

  /** The form used for uniqueness and look-ups. */
  public String normalized() {
    return value.toLowerCase(Locale.ROOT);
  }

  /** A form safe to log: {@code j***@example.com}. */
  public String masked() {
    int at = value.indexOf('@');
    return value.charAt(0) + "***" + value.substring(at);
  }

  @Override
  public String toString() {
    return masked();
  }
}
