package app.huberman.adapters.mail;

/**
 * The mail server refused a message or could not be reached. The message names the server and the
 * (masked) recipient, never the subject or body.
 */
public class MailDeliveryException extends RuntimeException {

  public MailDeliveryException(String message, Throwable cause) {
    super(message, cause);
  }
}
