package app.huberman.adapters.monitoring.logging;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Writes each record as a JSON line to standard output (the JDK's ConsoleHandler writes to standard
 * error), flushing per line so container log collectors see it at once.
 */
public class StdoutJsonHandler extends Handler {

  private final PrintStream out;

  public StdoutJsonHandler() {
    this(
        new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.out),
            false,
            StandardCharsets.UTF_8));
  }

  StdoutJsonHandler(PrintStream out) {
    this.out = out;
    setFormatter(new JsonLogFormatter());
  }

  @Override
  public void publish(LogRecord record) {
    if (!isLoggable(record)) {
      return;
    }
    String line;
    try {
      line = getFormatter().format(record);
    } catch (RuntimeException e) {
      reportError("Could not format a log record", e, ErrorManager.FORMAT_FAILURE);
      return;
    }
    synchronized (out) {
      out.print(line);
      out.flush();
    }
  }

  @Override
  public void flush() {
    out.flush();
  }

  @Override
  public void close() {
    flush();
  }
}
