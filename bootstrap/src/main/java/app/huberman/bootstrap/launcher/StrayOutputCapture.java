package app.huberman.bootstrap.launcher;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/**
 * Some libraries print to {@code System.out} or {@code System.err} instead of logging. This turns
 * each such line into a log record, so that everything the process writes is a JSON line.
 */
final class StrayOutputCapture extends OutputStream {

  private final Handler handler;
  private final Level level;
  private final String loggerName;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

  private StrayOutputCapture(Handler handler, Level level, String loggerName) {
    this.handler = handler;
    this.level = level;
    this.loggerName = loggerName;
  }

  /** Replaces standard output and error of this process. */
  static void install(Handler handler) {
    System.setOut(printStream(new StrayOutputCapture(handler, Level.INFO, "stdout")));
    System.setErr(printStream(new StrayOutputCapture(handler, Level.WARNING, "stderr")));
  }

  private static PrintStream printStream(OutputStream target) {
    return new PrintStream(target, true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      emit();
    } else {
      line.write(b);
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      write(bytes[i]);
    }
  }

  @Override
  public synchronized void flush() {
    // A line is only complete at its newline; partial lines wait for it.
  }

  private void emit() {
    String text = line.toString(StandardCharsets.UTF_8).stripTrailing();
    line.reset();
    if (text.isEmpty()) {
      return;
    }
    LogRecord record = new LogRecord(level, text);
    record.setLoggerName(loggerName);
    handler.publish(record);
  }
}
