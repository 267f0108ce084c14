package app.huberman.adapters.monitoring.logging;

import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * What {@link StdoutJsonHandler} and {@link DailyFileJsonHandler} share: format each loggable
 * record with {@link JsonLogFormatter} and hand the line to the subclass, which writes it. A record
 * that cannot be formatted goes to the {@link ErrorManager} and nothing is written.
 */
abstract class JsonLineHandler extends Handler {

  JsonLineHandler() {
    setFormatter(new JsonLogFormatter());
  }

  @Override
  public final void publish(LogRecord record) {
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
    write(line);
  }

  /** Writes one formatted line (it ends with a line separator) and flushes it. */
  abstract void write(String line);
}
