package app.huberman.adapters.monitoring.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Logs a named event with fields, written by {@link JsonLogFormatter} as top-level keys of the JSON
 * line ({@code "event": "job.succeeded", "job_type": ...}). Field values are numbers or text; never
 * pass a secret, a payload or an email in clear.
 */
public final class EventLog {

  private EventLog() {}

  public static void emit(Logger logger, Level level, String event, Map<String, ?> fields) {
    if (!logger.isLoggable(level)) {
      return;
    }
    LogRecord record = new LogRecord(level, event);
    record.setLoggerName(logger.getName());
    // A plain JDK map: the formatter may live in another class loader than this class.
    record.setParameters(new Object[] {new LinkedHashMap<>(fields)});
    logger.log(record);
  }

  /** Whether a record was made by {@link #emit}: its only parameter is the field map. */
  static boolean isEvent(LogRecord record) {
    Object[] parameters = record.getParameters();
    return parameters != null
        && parameters.length == 1
        && parameters[0] instanceof Map<?, ?>
        && record.getMessage() != null
        && record.getMessage().indexOf('{') < 0;
  }
}
