package app.huberman.bootstrap.shutdown;

/** What the launcher may call on the running application, by name, through JMX. */
public interface DrainSwitchMBean {

  /** The instance is about to stop: readiness DOWN from now on, requests still served. */
  void beginDrain();

  /** The port accepts no new connection: answers tell the clients to close theirs. */
  void portClosed();

  /** API requests being served now; the stop waits for none before it closes the HTTP port. */
  int getRequestsInFlight();
}
