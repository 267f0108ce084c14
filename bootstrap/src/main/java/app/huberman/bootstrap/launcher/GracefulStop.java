package app.huberman.bootstrap.launcher;

import app.huberman.adapters.monitoring.logging.EventLog;
import app.huberman.bootstrap.shutdown.DrainSwitch;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.ObjectName;
import sun.misc.Signal;

/**
 * Stops the instance without refusing a request a balancer already sent it. On SIGTERM the
 * application's readiness turns DOWN at once ({@code server.draining}), and the instance goes on
 * serving for {@code SHUTDOWN_DRAIN} while balancers (nginx, Kubernetes endpoints) notice and move
 * away. Then it stops accepting connections but keeps the accepted ones, answers {@code Connection:
 * close} from then on, stays for {@link #LINGER} and then until a quiet moment with no API request
 * in flight, and the JVM exits with status 0 ({@code server.stopping}): the queue workers finish
 * their jobs in hand and release the rest, pools close, and the {@link Watchdog} halts a stop that
 * hangs. A second SIGTERM cuts the drain short; a third halts the JVM with 143, as the JVM's own
 * handling of the signal would have exited.
 *
 * <p>The JVM's own SIGTERM handling starts the stop at once, with no drain: this replaces it
 * through {@code sun.misc.Signal}, the only way to catch a signal in Java. Ctrl-C (SIGINT) keeps
 * it.
 */
final class GracefulStop {

  static final Duration DEFAULT_DRAIN = Duration.ofSeconds(10);
  static final Duration MAX_DRAIN = Duration.ofMinutes(5);
  static final int EXIT_STOPPED = 0;
  static final int EXIT_FORCED = 143;

  /**
   * How long the instance stays after its port closed, at least: longer than nginx keeps an idle
   * connection to it (its upstream's {@code keepalive_timeout}, 2 s), so that every connection left
   * is closed by nginx, or by an answer's {@code Connection: close}, before the process exits and
   * would cut it.
   */
  static final Duration LINGER = Duration.ofMillis(2500);

  /** After the linger: within Payara's own 3 s grace, which the requests left would get anyway. */
  static final Duration IN_FLIGHT_PATIENCE = Duration.ofSeconds(3);

  /**
   * How long no API request must be in flight before the JVM exits: a connection accepted just
   * before the port stopped accepting carries its request within it, even on a loaded machine.
   */
  static final Duration QUIET = Duration.ofMillis(500);

  private static final Logger LOG = Logger.getLogger(GracefulStop.class.getName());

  private final Duration drain;
  private volatile PayaraCommands payara = PayaraCommands.none();
  private final AtomicInteger signals = new AtomicInteger();
  private final CountDownLatch cutShort = new CountDownLatch(1);

  private GracefulStop(Duration drain) {
    this.drain = drain;
  }

  /** Takes over SIGTERM for the rest of the process's life. */
  static GracefulStop install(Duration drain) {
    GracefulStop stop = new GracefulStop(drain);
    Signal.handle(new Signal("TERM"), signal -> stop.onSigterm());
    return stop;
  }

  /** Once the server runs: what stops its HTTP listeners at the end of a drain. */
  void serverStarted(PayaraCommands commands) {
    this.payara = commands;
  }

  /**
   * {@code SHUTDOWN_DRAIN}: an ISO-8601 duration or whole seconds, from 0 to {@link #MAX_DRAIN}.
   */
  static Duration drainFromEnvironment(Map<String, String> environment) {
    String value = environment.get("SHUTDOWN_DRAIN");
    if (value == null || value.isBlank()) {
      return DEFAULT_DRAIN;
    }
    String stripped = value.strip();
    Duration drain;
    try {
      drain =
          stripped.chars().allMatch(Character::isDigit)
              ? Duration.ofSeconds(Long.parseLong(stripped))
              : Duration.parse(stripped);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw new IllegalArgumentException(
          "SHUTDOWN_DRAIN must be an ISO-8601 duration such as PT10S, or seconds, not '"
              + stripped
              + "'",
          e);
    }
    if (drain.isNegative() || drain.compareTo(MAX_DRAIN) > 0) {
      throw new IllegalArgumentException(
          "SHUTDOWN_DRAIN must be between 0 s and "
              + MAX_DRAIN.toSeconds()
              + " s, not "
              + stripped);
    }
    return drain;
  }

  void onSigterm() {
    switch (signals.incrementAndGet()) {
      case 1 -> beginDrain();
      case 2 -> {
        EventLog.emit(LOG, Level.WARNING, "server.drain_cut_short", Map.of("signal", "TERM"));
        cutShort.countDown();
      }
      default -> {
        EventLog.emit(LOG, Level.SEVERE, "server.stop_forced", Map.of("exit_status", EXIT_FORCED));
        Runtime.getRuntime().halt(EXIT_FORCED);
      }
    }
  }

  private void beginDrain() {
    boolean reported = tellTheApplication("beginDrain");
    EventLog.emit(
        LOG,
        Level.INFO,
        "server.draining",
        Map.of(
            "signal",
            "TERM",
            "drain_seconds",
            drain.toMillis() / 1000.0,
            "readiness_down",
            reported));
    Thread stopper = new Thread(this::drainThenStop, "graceful-stop");
    stopper.setDaemon(true);
    stopper.start();
  }

  /** Whether the application took it: not when it was not deployed (yet). */
  private static boolean tellTheApplication(String operation) {
    try {
      ManagementFactory.getPlatformMBeanServer()
          .invoke(new ObjectName(DrainSwitch.NAME), operation, null, null);
      return true;
    } catch (JMException e) {
      return false;
    }
  }

  /**
   * Waits for {@link #LINGER}, then for at most {@link #IN_FLIGHT_PATIENCE} more, until no API
   * request has been in flight for {@link #QUIET}: a login's hash takes tens of milliseconds, a
   * webhook batch more, and nginx resends no POST it has written.
   *
   * @return how many were still in flight when it stopped waiting
   */
  private static int awaitQuietMoment() {
    long deadline = System.nanoTime() + LINGER.plus(IN_FLIGHT_PATIENCE).toNanos();
    long quietSince = System.nanoTime();
    long lingerUntil = quietSince + LINGER.toNanos() - QUIET.toNanos();
    while (true) {
      int inFlight;
      try {
        inFlight =
            (Integer)
                ManagementFactory.getPlatformMBeanServer()
                    .getAttribute(new ObjectName(DrainSwitch.NAME), "RequestsInFlight");
      } catch (JMException e) {
        return 0; // not deployed: nothing to wait for
      }
      long now = System.nanoTime();
      if (inFlight > 0 || now < lingerUntil) {
        quietSince = now;
      }
      if (now - quietSince >= QUIET.toNanos() || now >= deadline) {
        return inFlight;
      }
      sleepMillis(2);
    }
  }

  private static void sleepMillis(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void drainThenStop() {
    long started = System.nanoTime();
    try {
      cutShort.await(drain.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int listenersStopped = payara.stopAccepting();
    tellTheApplication("portClosed");
    int leftInFlight = awaitQuietMoment();
    // Should Payara's internals have moved: closing the listener refuses new connections too.
    boolean listenerClosed = listenersStopped == 0 && payara.closeHttpListener();
    EventLog.emit(
        LOG,
        Level.INFO,
        "server.stopping",
        Map.of(
            "drained_ms",
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
            "requests_in_flight",
            leftInFlight,
            "listeners_stopped_accepting",
            listenersStopped,
            "listener_closed",
            listenerClosed));
    System.exit(EXIT_STOPPED);
  }
}
