package app.huberman.application.shared;

/** What the request names does not exist (or is not the caller's to see). */
public final class NotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
