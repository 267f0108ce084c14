package app.huberman.bootstrap.launcher;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * {@code java -jar huberman-app.jar}: configures Payara Micro from the environment (port, log
 * level, clustering) and starts it with the application deployed. Extra arguments are passed to
 * Payara Micro as they are, after ours, so a caller may override any of them.
 */
public final class Launcher {

  private static final String PAYARA_MAIN = "fish.payara.micro.PayaraMicro";
  static final int EXIT_DEPLOYMENT_FAILED = 3;

  private Launcher() {}

  public static void main(String[] args) throws Exception {
    // Before anything touches java.util.logging, which reads this property once.
    System.setProperty(
        "java.util.logging.manager", KeepLoggingAtShutdownLogManager.class.getName());
    Map<String, String> environment = System.getenv();
    LogSetup logSetup = LogSetup.fromEnvironment(environment);
    logSetup.installJsonConsole();
    List<String> payaraArguments =
        PayaraArguments.from(environment, logSetup.writeLoggingProperties(), List.of(args));
    startPayara(payaraArguments);
    exitUnlessDeployed();
  }

  /**
   * Payara Micro keeps running when the application fails to deploy. An instance that cannot serve
   * must stop instead, so that the operator (or the orchestrator) sees it at once.
   */
  private static void exitUnlessDeployed() throws ReflectiveOperationException {
    Object instance = Class.forName(PAYARA_MAIN).getMethod("getInstance").invoke(null);
    Object runtime = instance.getClass().getMethod("getRuntime").invoke(instance);
    Object deployed =
        Class.forName("fish.payara.micro.PayaraMicroRuntime")
            .getMethod("getDeployedApplicationNames")
            .invoke(runtime);
    if (deployed instanceof Collection<?> names && names.isEmpty()) {
      Logger.getLogger(Launcher.class.getName())
          .severe("The application did not deploy (see the errors above); stopping.");
      System.exit(EXIT_DEPLOYMENT_FAILED);
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
