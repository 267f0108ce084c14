package app.huberman.bootstrap.wiring;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/** The container's managed executors, injectable by constructor. */
@ApplicationScoped
public class ConcurrencyWiring {

  static final String DEFAULT_SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";
  static final String DEFAULT_THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";

  @Produces
  @ApplicationScoped
  @SuppressWarnings("BanJNDI") // a constant name of a standard resource, never user input
  public ManagedScheduledExecutorService scheduler() {
    return lookup(DEFAULT_SCHEDULER, ManagedScheduledExecutorService.class);
  }

  /** Threads that may use transactions, JPA and CDI, for long-running loops such as workers. */
  @Produces
  @ApplicationScoped
  @SuppressWarnings("BanJNDI") // a constant name of a standard resource, never user input
  public ManagedThreadFactory threadFactory() {
    return lookup(DEFAULT_THREAD_FACTORY, ManagedThreadFactory.class);
  }

  @SuppressWarnings("BanJNDI") // constant names of standard resources, never user input
  private static <T> T lookup(String name, Class<T> type) {
    try {
      return type.cast(new InitialContext().lookup(name));
    } catch (NamingException e) {
      throw new IllegalStateException(name + " is not bound", e);
    }
  }
}
