package app.huberman.adapters.rest.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many API requests this instance is serving now ({@link ServingGateFilter} counts them): a
 * stop waits for none before it closes the HTTP port, which cuts the connections of those left.
 */
@ApplicationScoped
public class RequestsInFlight {

  private final AtomicInteger count = new AtomicInteger();

  void enter() {
    count.incrementAndGet();
  }

  void leave() {
    count.decrementAndGet();
  }

  public int count() {
    return count.get();
  }
}
