package app.huberman.bootstrap.launcher;

import java.lang.reflect.Field;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs asadmin commands on the running server. Payara Micro's public API runs them only across a
 * Hazelcast cluster, which the instances here do without; its runtime holds the embedded {@code
 * GlassFish}, whose command runner is public API, in a field this finds by type.
 */
final class PayaraCommands {

  static final String CLOSE_HTTP_LISTENER =
      "configs.config.server-config.network-config.network-listeners.network-listener"
          + ".http-listener.enabled=false";

  private static final String GLASSFISH = "org.glassfish.embeddable.GlassFish";
  private static final String COMMAND_RUNNER = "org.glassfish.embeddable.CommandRunner";
  private static final String COMMAND_RESULT = "org.glassfish.embeddable.CommandResult";
  private static final Logger LOG = Logger.getLogger(PayaraCommands.class.getName());

  /** {@code null} when the runtime was not found: nothing is run. */
  private final Object glassFish;

  private PayaraCommands(Object glassFish) {
    this.glassFish = glassFish;
  }

  static PayaraCommands none() {
    return new PayaraCommands(null);
  }

  /**
   * @param payaraMicroRuntime what {@code PayaraMicro.getInstance().getRuntime()} returned
   */
  static PayaraCommands of(Object payaraMicroRuntime) {
    for (Field field : payaraMicroRuntime.getClass().getDeclaredFields()) {
      if (field.getType().getName().equals(GLASSFISH)) {
        try {
          field.setAccessible(true);
          return new PayaraCommands(field.get(payaraMicroRuntime));
        } catch (ReflectiveOperationException | RuntimeException e) {
          LOG.log(Level.WARNING, "Payara's command runner is out of reach", e);
        }
      }
    }
    LOG.warning("Payara's command runner is out of reach: no GlassFish in its runtime");
    return none();
  }

  /**
   * Closes the HTTP listener: new connections are refused, so a balancer tries another instance.
   *
   * @return whether the server took the command
   */
  boolean closeHttpListener() {
    if (glassFish == null) {
      return false;
    }
    try {
      // Through the public interfaces: the classes behind them are not public.
      ClassLoader payara = glassFish.getClass().getClassLoader();
      Object runner = api(GLASSFISH, payara).getMethod("getCommandRunner").invoke(glassFish);
      Object result =
          api(COMMAND_RUNNER, payara)
              .getMethod("run", String.class, String[].class)
              .invoke(runner, "set", new String[] {CLOSE_HTTP_LISTENER});
      Object status = api(COMMAND_RESULT, payara).getMethod("getExitStatus").invoke(result);
      return "SUCCESS".equals(String.valueOf(status));
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not close the HTTP listener before stopping", e);
      return false;
    }
  }

  private static Class<?> api(String name, ClassLoader payara) throws ClassNotFoundException {
    return Class.forName(name, false, payara);
  }
}
