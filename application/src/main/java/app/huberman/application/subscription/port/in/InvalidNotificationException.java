package app.huberman.application.subscription.port.in;

/**
 * A webhook or reported purchase that is not authentic or cannot be read: bad or missing signature,
 * stale timestamp, wrong audience, bundle or package, malformed payload. The message says why for
 * logs and the client, and never quotes a signature or secret.
 */
public final class InvalidNotificationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public InvalidNotificationException(String reason) {
    super(reason);
  }

  public InvalidNotificationException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
