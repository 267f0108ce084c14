package app.huberman.application.shared;

/**
 * The request collides with the current state: another request changed the same data at the same
 * moment, or what it names belongs to someone else. Nothing of this one was kept.
 */
public final class ConflictException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public ConflictException(Throwable cause) {
    super("Concurrent change", cause);
  }

  /** A conflict with the stored state that trying again will not resolve, said in user words. */
  public ConflictException(String message) {
    super(message);
  }
}
