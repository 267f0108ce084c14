package app.huberman.application.job.service;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;

/** How a failure is kept with a failed job: class, message and a trimmed stack trace. */
final class FailureDescription {

  static final int MAX_LINES = 30;

  private FailureDescription() {}

  static String of(Throwable failure) {
    StringWriter text = new StringWriter();
    failure.printStackTrace(new PrintWriter(text));
    String[] lines = text.toString().split("\\R");
    if (lines.length <= MAX_LINES) {
      return String.join("\n", lines);
    }
    return String.join("\n", Arrays.copyOf(lines, MAX_LINES))
        + "\n\t... "
        + (lines.length - MAX_LINES)
        + " more lines";
  }
}
