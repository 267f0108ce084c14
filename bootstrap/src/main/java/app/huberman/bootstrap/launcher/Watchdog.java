package app.huberman.bootstrap.launcher;

import app.huberman.adapters.monitoring.logging.EventLog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Ends a start or a stop that hangs. A Payara Micro start can deadlock (seen with 7.2025.1: HK2's
 * run-level threads and the main thread waiting on each other) and a stop can wait forever on a
 * stuck thread; either way the process neither serves nor exits, and no orchestrator restarts a
 * process that is still running. The watchdog then logs one event naming the threads and what they
 * wait on, and halts the JVM with a status of its own ({@link #EXIT_STARTUP_TIMEOUT}, {@link
 * #EXIT_SHUTDOWN_TIMEOUT}), so that Docker's restart policy, Kubernetes or an operator starts it
 * again. It halts rather than exits: an exit would run the shutdown hooks, which may hang as well.
 */
final class Watchdog {

  static final int EXIT_STARTUP_TIMEOUT = 4;
  static final int EXIT_SHUTDOWN_TIMEOUT = 5;
  static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(120);

  /**
   * Payara's shutdown grace (3 s) plus the 30 s in which the queue workers and the webhook threads
   * drain, and less than the 35 s that Compose and {@code docker stop --time 35} give before their
   * {@code SIGKILL}, which would leave no word in the log.
   */
  static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(33);

  private static final Logger LOG = Logger.getLogger(Watchdog.class.getName());

  private final CountDownLatch ready = new CountDownLatch(1);

  private Watchdog() {}

  /**
   * Starts watching the start: unless {@link #started()} is called within the deadline, the JVM
   * halts with {@link #EXIT_STARTUP_TIMEOUT}.
   */
  static Watchdog watchStartup(Deadline deadline) {
    Watchdog watchdog = new Watchdog();
    daemon(
        "startup-watchdog",
        () -> {
          if (!watchdog.await(deadline.duration())) {
            halt("server.start_timeout", deadline, EXIT_STARTUP_TIMEOUT);
          }
        });
    return watchdog;
  }

  /** The application is deployed and answers: the start is over. */
  void started() {
    ready.countDown();
  }

  /**
   * From the moment the JVM begins to shut down (SIGTERM, Ctrl-C, {@code System.exit}), it has this
   * long to finish; then it halts with {@link #EXIT_SHUTDOWN_TIMEOUT}.
   */
  static void watchShutdown(Deadline deadline) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                // The hook returns at once; the daemon thread ends with the JVM when the stop
                // finishes in time.
                () ->
                    daemon(
                        "shutdown-watchdog",
                        () -> {
                          if (!new Watchdog().await(deadline.duration())) {
                            halt("server.stop_timeout", deadline, EXIT_SHUTDOWN_TIMEOUT);
                          }
                        }),
                "shutdown-watchdog-hook"));
  }

  private boolean await(Duration duration) {
    try {
      return ready.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static void daemon(String name, Runnable task) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    thread.start();
  }

  private static void halt(String event, Deadline deadline, int status) {
    try {
      ThreadDumpSummary dump = ThreadDumpSummary.ofThisJvm();
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("deadline_variable", deadline.variable());
      fields.put("deadline_seconds", deadline.duration().toSeconds());
      fields.put("exit_status", status);
      fields.put("threads", dump.threads());
      fields.put("deadlocked_threads", String.join(", ", dump.deadlocked()));
      fields.put("stuck_threads", dump.stuckThreads());
      EventLog.emit(LOG, Level.SEVERE, event, fields);
    } finally {
      System.out.flush();
      System.err.flush();
      Runtime.getRuntime().halt(status);
    }
  }
}
