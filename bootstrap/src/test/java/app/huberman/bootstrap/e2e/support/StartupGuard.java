package app.huberman.bootstrap.e2e.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Waits for a starting server without waiting blindly. A start is over when the server is ready; it
 * has failed when the process died, when its output made no progress for {@link Bounds#stall()} (a
 * hung start: Payara prints steadily while it boots and deploys), or when it took longer than
 * {@link Bounds#total()}. A hung or slow start gets a thread dump written next to the server's
 * output, and then its whole process tree is killed.
 */
public final class StartupGuard {

  /**
   * How long a start may go without new output, and how long it may take in all. Set for a run with
   * the system properties {@code e2e.start.stallSeconds} and {@code e2e.start.timeoutSeconds}.
   */
  public record Bounds(Duration stall, Duration total) {

    public static Bounds standard() {
      return new Bounds(
          Duration.ofSeconds(Long.getLong("e2e.start.stallSeconds", 60)),
          Duration.ofSeconds(Long.getLong("e2e.start.timeoutSeconds", 150)));
    }
  }

  /** How a start ended. */
  public enum Ending {
    READY,
    DIED,
    HUNG,
    TOO_SLOW;

    /** A hang is worth one more try; a server that died on its own would die again. */
    public boolean worthRetrying() {
      return this == HUNG || this == TOO_SLOW;
    }
  }

  /** The ending, and the thread dump taken of a hung or slow start (empty otherwise). */
  public record Outcome(Ending ending, String threadDump) {}

  private StartupGuard() {}

  /**
   * @param progress grows while the server makes progress (the size of its output so far)
   * @param dumpFile where the thread dump of a hung start goes
   */
  public static Outcome await(
      ProcessHandle server,
      LongSupplier progress,
      BooleanSupplier ready,
      Bounds bounds,
      Path dumpFile) {
    long start = System.nanoTime();
    long lastProgress = progress.getAsLong();
    long lastProgressAt = start;
    while (true) {
      if (ready.getAsBoolean()) {
        return new Outcome(Ending.READY, "");
      }
      if (!server.isAlive()) {
        return new Outcome(Ending.DIED, "");
      }
      long now = System.nanoTime();
      long seen = progress.getAsLong();
      if (seen != lastProgress) {
        lastProgress = seen;
        lastProgressAt = now;
      }
      Ending failure =
          now - lastProgressAt > bounds.stall().toNanos()
              ? Ending.HUNG
              : now - start > bounds.total().toNanos() ? Ending.TOO_SLOW : null;
      if (failure != null) {
        String dump = ServerProcesses.threadDump(server, dumpFile);
        ServerProcesses.killTree(server);
        return new Outcome(failure, dump);
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        ServerProcesses.killTree(server);
        return new Outcome(Ending.DIED, "");
      }
    }
  }

  /** The head of a thread dump for a failure message: enough to see the stuck threads. */
  public static String excerpt(String threadDump) {
    String[] lines = threadDump.split("\n", -1);
    int shown = Math.min(lines.length, 200);
    return String.join("\n", java.util.Arrays.copyOf(lines, shown))
        + (shown < lines.length ? "\n... (" + (lines.length - shown) + " more lines)" : "");
  }
}
