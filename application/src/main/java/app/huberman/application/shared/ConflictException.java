package app.huberman.application.shared;

/**
 * Another request changed the same data at the same moment; nothing of this one was kept. Trying
 * again reads the new state.
 */
public final class ConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConflictException(Throwable cause) {
    super("Concurrent change", cause);
  }
}
