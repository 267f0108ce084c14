package app.huberman.application.health.port.in;

/** Whether this instance takes API requests now: what its HTTP front door asks for each one. */
public interface CheckServingUseCase {

  Serving serving();

  /** Where the instance is in its life. */
  enum Serving {
    /** Its schema is not at this build's version yet: requests would fail. */
    STARTING,
    SERVING,
    /** About to stop: not ready, so that balancers move away, but it serves as before. */
    DRAINING,
    /**
     * Its port accepts no new connection: it serves what still arrives, and the clients should not
     * keep their connections.
     */
    CLOSING
  }
}
