package app.huberman.application.user.port.out;

import app.huberman.domain.user.Email;

/**
 * Sends the emails of the users context. The application says which email and with what facts; the
 * wording, layout and escaping belong to the adapter.
 *
 * <p>Each method throws a {@link RuntimeException} when the mail server refused the message or
 * could not be reached; the job that called it is then retried.
 */
public interface MailerPort {

  /**
   * Tells the account's owner how to choose a new password.
   *
   * @param link opens the reset form; it holds the reset token and works for 60 minutes
   */
  void sendPasswordReset(Email to, String name, String link);

  /**
   * Tells the account's previous address that the account's email was changed.
   *
   * @param newEmailMasked the new address, masked so that the old mailbox does not learn it whole
   */
  void sendEmailChangedNotice(Email to, String name, String newEmailMasked);
}
