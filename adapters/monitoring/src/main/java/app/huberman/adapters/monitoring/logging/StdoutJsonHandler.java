package app.huberman.adapters.monitoring.logging;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes each record as a JSON line to standard output (the JDK's ConsoleHandler writes to standard
 * error), flushing per line so container log collectors see it at once.
 */
public class StdoutJsonHandler extends JsonLineHandler {

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
  }

  @Override
  void write(String line) {
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
