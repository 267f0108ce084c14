package app.huberman.bootstrap.launcher;

import app.huberman.adapters.monitoring.logging.JsonLogFormatter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code java -jar huberman-app.jar}: configures Payara Micro from the environment (port, log
 * level, clustering) and starts it with the application deployed. Extra arguments are passed to
 * Payara Micro as they are, after ours, so a caller may override any of them.
 *
 * <p>{@code java -jar huberman-app.jar <command>} runs an operator command instead ({@code
 * migrate}, {@code queue:failed}, ...; see {@link OperatorCliLoader}); the commands {@code serve}
 * and {@code queue:work} come back here to start the server.
 */
public final class Launcher {

  private static final String PAYARA_MAIN = "fish.payara.micro.PayaraMicro";
  static final int EXIT_DEPLOYMENT_FAILED = 3;
  static final String JSON_MAX_DEPTH = "org.eclipse.parsson.maxDepth";

  /**
   * Netty (under Redisson) allocates memory through {@code sun.misc.Unsafe}, for which Java 24 and
   * later print four warning lines to standard error unless the JVM was started with {@code
   * --sun-misc-unsafe-memory-access=allow}, which {@code java -jar} cannot carry. Without Unsafe,
   * Netty uses the standard direct buffers.
   */
  static final String NETTY_NO_UNSAFE = "io.netty.noUnsafe";

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    // Before anything touches java.util.logging, which reads this property once.
    System.setProperty(
        "java.util.logging.manager", KeepLoggingAtShutdownLogManager.class.getName());
    if (System.getProperty(NETTY_NO_UNSAFE) == null) {
      System.setProperty(NETTY_NO_UNSAFE, "true");
    }
    Map<String, String> environment = System.getenv();
    if (LaunchArguments.startServerDirectly(args)) {
      serve(environment, Map.of(), List.of(args));
      return;
    }
    // Libraries log warnings and worse to standard error, as JSON lines (the audit events of the
    // admin commands among them); the commands' output stays readable.
    Logger root = Logger.getLogger("");
    root.setLevel(Level.WARNING);
    for (Handler handler : root.getHandlers()) {
      handler.setFormatter(new JsonLogFormatter());
    }
    AtomicBoolean serving = new AtomicBoolean();
    int status =
        OperatorCliLoader.run(
            args,
            environment,
            (settings, payaraArguments) -> {
              serveFromCli(environment, settings, payaraArguments);
              serving.set(true);
            });
    if (!serving.get()) {
      System.exit(status);
    }
  }

  private static void serveFromCli(
      Map<String, String> environment, Map<String, String> settings, List<String> arguments) {
    ClassLoader cli = Thread.currentThread().getContextClassLoader();
    Thread.currentThread().setContextClassLoader(Launcher.class.getClassLoader());
    try {
      serve(environment, settings, arguments);
    } catch (Exception e) {
      throw new IllegalStateException("The server did not start", e);
    } finally {
      Thread.currentThread().setContextClassLoader(cli);
    }
  }

  /**
   * Starts Payara Micro with the application, as {@code java -jar huberman-app.jar} always has.
   *
   * @param settings configuration over the environment's, as system properties (MicroProfile Config
   *     reads them first)
   */
  private static void serve(
      Map<String, String> environment, Map<String, String> settings, List<String> args)
      throws Exception {
    settings.forEach(System::setProperty);
    // One nesting limit for all the JSON the server parses, request bodies and webhooks alike:
    // Parsson's default of 1,000 levels is far past anything the API or a provider sends.
    System.getProperties().putIfAbsent(JSON_MAX_DEPTH, "64");
    LogSetup logSetup = LogSetup.fromEnvironment(environment);
    logSetup.installJsonConsole();
    Deadline startupTimeout =
        Deadline.fromEnvironment(environment, "STARTUP_TIMEOUT", Watchdog.DEFAULT_STARTUP_TIMEOUT);
    Deadline shutdownTimeout =
        Deadline.fromEnvironment(
            environment, "SHUTDOWN_TIMEOUT", Watchdog.DEFAULT_SHUTDOWN_TIMEOUT);
    Duration drain = GracefulStop.drainFromEnvironment(environment);
    Watchdog.watchShutdown(shutdownTimeout);
    Watchdog startup = Watchdog.watchStartup(startupTimeout);
    GracefulStop stop = GracefulStop.install(drain);
    boolean openListenerWhenDeployed = PayaraArguments.mayAddPostDeployCommands(args);
    List<String> payaraArguments =
        PayaraArguments.from(
            environment,
            logSetup.writeLoggingProperties(),
            PrebootCommands.write(
                HttpThreadPool.fromEnvironment(
                    environment, Runtime.getRuntime().availableProcessors()),
                openListenerWhenDeployed),
            openListenerWhenDeployed ? PostDeployCommands.write() : null,
            args);
    startPayara(payaraArguments);
    exitUnlessDeployed(payaraArguments);
    stop.serverStarted(PayaraCommands.of(payaraRuntime()));
    startup.started();
  }

  /**
   * Payara Micro keeps running when the application fails to deploy. An instance that cannot serve
   * must stop instead, so that the operator (or the orchestrator) sees it at once.
   */
  private static Object payaraRuntime() throws ReflectiveOperationException {
    Object instance = Class.forName(PAYARA_MAIN).getMethod("getInstance").invoke(null);
    return instance.getClass().getMethod("getRuntime").invoke(instance);
  }

  private static void exitUnlessDeployed(List<String> payaraArguments)
      throws ReflectiveOperationException {
    Object runtime = payaraRuntime();
    Object deployed =
        Class.forName("fish.payara.micro.PayaraMicroRuntime")
            .getMethod("getDeployedApplicationNames")
            .invoke(runtime);
    boolean none = deployed instanceof Collection<?> names && names.isEmpty();
    // An application whose start failed (a bad setting caught at start-up) still counts as
    // deployed; the API's trivial endpoint tells.
    if (none || !answersPing(payaraArguments)) {
      Logger.getLogger(Launcher.class.getName())
          .severe("The application did not deploy (see the errors above); stopping.");
      System.exit(EXIT_DEPLOYMENT_FAILED);
    }
  }

  private static boolean answersPing(List<String> payaraArguments) {
    int portAt = payaraArguments.indexOf("--port") + 1;
    if (portAt == 0 || portAt >= payaraArguments.size()) {
      return true; // no port to ask: trust the deployment list
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest ping =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + payaraArguments.get(portAt) + "/api/v1/ping"))
            .timeout(Duration.ofSeconds(10))
            .build();
    try {
      return client.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void startPayara(List<String> arguments) throws Exception {
    Method main = Class.forName(PAYARA_MAIN).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) arguments.toArray(String[]::new));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
