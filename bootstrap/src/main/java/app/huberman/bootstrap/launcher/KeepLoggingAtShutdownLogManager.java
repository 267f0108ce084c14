package app.huberman.bootstrap.launcher;

import java.util.logging.LogManager;

/**
 * The JDK's log manager closes every handler from a shutdown hook of its own, which races the
 * server's shutdown: the last lines (workers draining, the server stopping) would be lost. This one
 * ignores that reset; handlers flush each line anyway, so nothing is left unwritten.
 */
public final class KeepLoggingAtShutdownLogManager extends LogManager {

  private static final String JDK_CLEANER = "java.util.logging.LogManager$Cleaner";

  @Override
  public void reset() {
    if (!Thread.currentThread().getClass().getName().equals(JDK_CLEANER)) {
      super.reset();
    }
  }
}
