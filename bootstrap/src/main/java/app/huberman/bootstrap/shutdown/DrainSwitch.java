package app.huberman.bootstrap.shutdown;

import app.huberman.adapters.rest.common.RequestsInFlight;
import app.huberman.application.health.port.in.DrainInstanceUseCase;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Lets the launcher begin this instance's drain when it gets a SIGTERM. The launcher's classes and
 * the application's come from different class loaders, so they meet in the JVM's platform MBean
 * server, under {@link #NAME}, and share no type: the launcher invokes {@code beginDrain} by name.
 */
@ApplicationScoped
public class DrainSwitch {

  /** The launcher's {@code GracefulStop} invokes it (a constant: no class is loaded). */
  public static final String NAME = "app.huberman:type=DrainSwitch";

  private static final Logger LOG = Logger.getLogger(DrainSwitch.class.getName());

  private DrainInstanceUseCase drainInstance;
  private RequestsInFlight requestsInFlight;

  /** For the CDI proxy only. */
  protected DrainSwitch() {}

  @Inject
  public DrainSwitch(DrainInstanceUseCase drainInstance, RequestsInFlight requestsInFlight) {
    this.drainInstance = drainInstance;
    this.requestsInFlight = requestsInFlight;
  }

  void register(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    DrainSwitchMBean operations = new Operations(drainInstance, requestsInFlight);
    try {
      MBeanServer server = ManagementFactory.getPlatformMBeanServer();
      ObjectName name = new ObjectName(NAME);
      if (server.isRegistered(name)) {
        server.unregisterMBean(name); // left by an earlier deployment in this JVM
      }
      server.registerMBean(new StandardMBean(operations, DrainSwitchMBean.class), name);
    } catch (JMException e) {
      LOG.log(Level.WARNING, "A SIGTERM will stop this instance without a drain", e);
    }
  }

  @PreDestroy
  void unregister() {
    try {
      ManagementFactory.getPlatformMBeanServer().unregisterMBean(new ObjectName(NAME));
    } catch (JMException e) {
      LOG.log(Level.FINE, "The drain switch was not registered", e);
    }
  }

  private record Operations(DrainInstanceUseCase drainInstance, RequestsInFlight requestsInFlight)
      implements DrainSwitchMBean {

    @Override
    public void beginDrain() {
      drainInstance.beginDrain();
    }

    @Override
    public void portClosed() {
      drainInstance.portClosed();
    }

    @Override
    public int getRequestsInFlight() {
      return requestsInFlight.count();
    }
  }
}
