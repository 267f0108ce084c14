package app.huberman.domain.job;

import java.util.Objects;
import java.util.regex.Pattern;

/** A named queue; workers serve one or more. */
public record QueueName(String value) {

  private static final Pattern FORMAT = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final int MAX_LENGTH = 64;

  public static final QueueName DEFAULT = new QueueName("default");

  public QueueName {
    Objects.requireNonNull(value, "value");
    if (value.length() > MAX_LENGTH || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("Not a queue name: " + value);
    }
  }

  public static QueueName of(String value) {
    return new QueueName(value);
  }
}
