package app.huberman.adapters.monitoring.logging;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** What a logger publishes during a test; {@link #detach} restores the logger as it was. */
public final class CapturedLog extends Handler {

  private final Logger logger;
  private final Level levelBefore;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();

  private CapturedLog(Logger logger) {
    this.logger = logger;
    this.levelBefore = logger.getLevel();
  }

  /** Captures at the logger's own level. */
  public static CapturedLog attach(Logger logger) {
    CapturedLog log = new CapturedLog(logger);
    logger.addHandler(log);
    return log;
  }

  /** Captures with the logger set to this level meanwhile. */
  public static CapturedLog attach(Logger logger, Level level) {
    CapturedLog log = attach(logger);
    logger.setLevel(level);
    return log;
  }

  public List<LogRecord> records() {
    return records;
  }

  public void detach() {
    logger.removeHandler(this);
    logger.setLevel(levelBefore);
  }

  @Override
  public void publish(LogRecord record) {
    records.add(record);
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
