package app.huberman.bootstrap.launcher;

import app.huberman.adapters.monitoring.logging.DailyFileJsonHandler;
import app.huberman.adapters.monitoring.logging.StdoutJsonHandler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Logging for the whole process: JSON lines on stdout from the first line on. {@code LOG_LEVEL}
 * sets the level of the application's own loggers ({@code app.huberman}); other libraries and the
 * server log at that level or INFO, whichever is stricter, so DEBUG does not drown the output in
 * the server's internals. Without {@code LOG_LEVEL}, production logs WARNING and others DEBUG.
 */
final class LogSetup {

  static final String APPLICATION_LOGGERS = "app.huberman";

  private final Level applicationLevel;
  private final Level rootLevel;
  private final Optional<Path> fileDirectory;

  /**
   * @param fileDirectory {@code LOG_FILE_DIR}: where daily log files go besides stdout, if anywhere
   */
  LogSetup(Level applicationLevel, Optional<Path> fileDirectory) {
    this.applicationLevel = applicationLevel;
    this.fileDirectory = fileDirectory;
    this.rootLevel =
        applicationLevel.intValue() > Level.INFO.intValue() ? applicationLevel : Level.INFO;
  }

  static LogSetup fromEnvironment(Map<String, String> environment) {
    Optional<Path> files =
        Optional.of(strip(environment.get("LOG_FILE_DIR")))
            .filter(dir -> !dir.isEmpty())
            .map(dir -> Path.of(dir).toAbsolutePath());
    String configured = environment.get("LOG_LEVEL");
    if (configured == null || configured.isBlank()) {
      String name = strip(environment.get("APP_ENV"));
      AppEnvironment where = name.isEmpty() ? AppEnvironment.LOCAL : AppEnvironment.parse(name);
      return new LogSetup(where == AppEnvironment.PRODUCTION ? Level.WARNING : Level.FINE, files);
    }
    return new LogSetup(parse(configured), files);
  }

  /** Accepts the usual names (DEBUG, INFO, WARN, ERROR) and java.util.logging's. */
  static Level parse(String name) {
    String upper = name.strip().toUpperCase(Locale.ROOT);
    return switch (upper) {
      case "TRACE" -> Level.FINEST;
      case "DEBUG" -> Level.FINE;
      case "WARN" -> Level.WARNING;
      case "ERROR", "CRITICAL", "FATAL" -> Level.SEVERE;
      case "NOTICE" -> Level.INFO;
      default -> {
        try {
          yield Level.parse(upper);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARNING, ERROR, not '" + name + "'", e);
        }
      }
    };
  }

  Level applicationLevel() {
    return applicationLevel;
  }

  Level rootLevel() {
    return rootLevel;
  }

  /**
   * Replaces the JDK's default stderr console handler before anything logs, and turns stray prints
   * to standard output and error into JSON lines too.
   */
  void installJsonConsole() {
    LogManager.getLogManager().reset();
    Logger root = Logger.getLogger("");
    for (Handler handler : root.getHandlers()) {
      root.removeHandler(handler);
    }
    StdoutJsonHandler handler = new StdoutJsonHandler();
    handler.setLevel(Level.ALL);
    root.addHandler(handler);
    fileDirectory.ifPresent(
        directory -> {
          DailyFileJsonHandler files = new DailyFileJsonHandler(directory, Clock.systemUTC());
          files.setLevel(Level.ALL);
          root.addHandler(files);
        });
    root.setLevel(rootLevel);
    Logger.getLogger(APPLICATION_LOGGERS).setLevel(applicationLevel);
    StrayOutputCapture.install(handler);
  }

  /**
   * The logging.properties Payara Micro applies when it boots: the bundled one (JSON on stdout,
   * quiet server loggers) with the levels of this environment.
   */
  Path writeLoggingProperties() {
    return TemporaryFiles.write(
        "huberman-logging", ".properties", loggingProperties(), "the logging configuration");
  }

  String loggingProperties() {
    return String.join(
        "\n",
        "handlers="
            + StdoutJsonHandler.class.getName()
            + fileDirectory.map(dir -> "," + DailyFileJsonHandler.class.getName()).orElse(""),
        StdoutJsonHandler.class.getName() + ".level=ALL",
        fileDirectory
            .map(
                dir ->
                    DailyFileJsonHandler.DIRECTORY_PROPERTY
                        + "="
                        + dir.toString().replace("\\", "\\\\")
                        + "\n"
                        + DailyFileJsonHandler.class.getName()
                        + ".level=ALL")
            .orElse(""),
        ".level=" + rootLevel.getName(),
        APPLICATION_LOGGERS + ".level=" + applicationLevel.getName(),
        // Payara announces every module it loads at INFO; keep what operators need.
        "javax.enterprise.system.tools.deployment.dol.level=WARNING",
        "javax.enterprise.system.tools.deployment.common.level=WARNING",
        "fish.payara.nucleus.util.level=WARNING",
        "org.glassfish.admin.mbeanserver.level=WARNING",
        "com.hazelcast.level=WARNING",
        "org.hibernate.level=WARNING",
        "org.flywaydb.level=INFO",
        "org.redisson.level=WARNING",
        "io.netty.level=WARNING",
        // WELD-000715 at WARNING for every request answered on another thread (webhooks, password
        // hashing): Payara's asynchronous dispatch sets no guard of Weld's; nothing is wrong.
        "org.jboss.weld.Servlet.level=SEVERE",
        "");
  }

  private static String strip(String value) {
    return value == null ? "" : value.strip();
  }
}
