package app.huberman.domain.job;

import java.util.Objects;
import java.util.regex.Pattern;

/** What a job does, e.g. {@code mail.password-reset}; handlers are registered by it. */
public record JobType(String value) {

  private static final Pattern FORMAT = Pattern.compile("[a-z0-9]+([._-][a-z0-9]+)*");
  private static final int MAX_LENGTH = 128;

  public JobType {
    Objects.requireNonNull(value, "value");
    if (value.length() > MAX_LENGTH || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("Not a job type: " + value);
    }
  }

  public static JobType of(String value) {
    return new JobType(value);
  }
}
