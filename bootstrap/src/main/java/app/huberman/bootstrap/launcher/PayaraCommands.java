package app.huberman.bootstrap.launcher;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Acts on the running server's HTTP listeners. Payara Micro's public API runs asadmin commands only
 * across a Hazelcast cluster, which the instances here do without; its runtime holds the embedded
 * {@code GlassFish}, whose command runner and services are public API, in a field this finds by
 * type. Everything past that is reached by reflection, since the launcher is not compiled against
 * Payara's internals.
 */
final class PayaraCommands {

  static final String CLOSE_HTTP_LISTENER =
      "configs.config.server-config.network-config.network-listeners.network-listener"
          + ".http-listener.enabled=false";

  private static final String GLASSFISH = "org.glassfish.embeddable.GlassFish";
  private static final String COMMAND_RUNNER = "org.glassfish.embeddable.CommandRunner";
  private static final String COMMAND_RESULT = "org.glassfish.embeddable.CommandResult";
  private static final String GRIZZLY_SERVICE =
      "com.sun.enterprise.v3.services.impl.GrizzlyService";
  private static final String GRIZZLY_PROXY = "com.sun.enterprise.v3.services.impl.GrizzlyProxy";
  private static final String GRIZZLY_LISTENER =
      "org.glassfish.grizzly.config.GenericGrizzlyListener";
  private static final String NIO_TRANSPORT = "org.glassfish.grizzly.nio.NIOTransport";
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
   * Stops accepting connections on every HTTP listener but leaves the accepted ones open: a request
   * a balancer has already written to one of them is still answered, and a new connection is
   * refused, which a balancer retries on another instance, POSTs included, since it sent nothing.
   * Closing the listener instead ({@link #closeHttpListener()}) also closes the accepted
   * connections, cutting a request that arrived on one a moment before.
   *
   * @return how many listeners stopped accepting; 0 when the server's internals were not found
   */
  int stopAccepting() {
    if (glassFish == null) {
      return 0;
    }
    try {
      ClassLoader payara = glassFish.getClass().getClassLoader();
      Object grizzly =
          api(GLASSFISH, payara)
              .getMethod("getService", Class.class)
              .invoke(glassFish, api(GRIZZLY_SERVICE, payara));
      Field proxiesField = grizzly.getClass().getDeclaredField("proxies");
      proxiesField.setAccessible(true);
      Class<?> grizzlyProxy = api(GRIZZLY_PROXY, payara);
      Class<?> grizzlyListener = api(GRIZZLY_LISTENER, payara);
      int stopped = 0;
      for (Object proxy : (Collection<?>) proxiesField.get(grizzly)) {
        Object listener =
            grizzlyProxy.isInstance(proxy)
                ? grizzlyProxy.getMethod("getUnderlyingListener").invoke(proxy)
                : null;
        if (grizzlyListener.isInstance(listener)) {
          Object transport = grizzlyListener.getMethod("getTransport").invoke(listener);
          api(NIO_TRANSPORT, payara).getMethod("unbindAll").invoke(transport);
          stopped++;
        }
      }
      return stopped;
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not stop accepting connections before stopping", e);
      return 0;
    }
  }

  /**
   * Closes the HTTP listener, and with it every connection: new ones are refused, so a balancer
   * tries another instance. What {@link #stopAccepting()} falls back to.
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
