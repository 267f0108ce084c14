package app.huberman.bootstrap.wiring;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** The container's managed executors, injectable by constructor. */
@ApplicationScoped
public class ConcurrencyWiring {

  static final String DEFAULT_SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

  @Produces
  @ApplicationScoped
  @SuppressWarnings("BanJNDI") // a constant name of a standard resource, never user input
  public ManagedScheduledExecutorService scheduler() {
    try {
      return (ManagedScheduledExecutorService) new InitialContext().lookup(DEFAULT_SCHEDULER);
    } catch (NamingException e) {
      throw new IllegalStateException(DEFAULT_SCHEDULER + " is not bound", e);
    }
  }
}
