package app.huberman.application.health.port.in;

/**
 * This instance is about to stop: from now on it reports itself not ready, so that balancers send
 * new requests elsewhere, while it goes on serving those that still reach it.
 */
public interface DrainInstanceUseCase {

  void beginDrain();

  /**
   * The drain is over and the port accepts no new connection: from now on the clients should not
   * keep the connections they have.
   */
  void portClosed();
}
