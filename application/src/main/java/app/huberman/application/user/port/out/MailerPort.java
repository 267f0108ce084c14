package app.huberman.application.user.port.out;

import app.huberman.domain.user.Email;

/** Sends one email (plain text and HTML alternatives). */
public interface MailerPort {

  /**
   * @throws RuntimeException when the mail server refused or could not be reached
   */
  void send(MailMessage message);

  /** An email to send. */
  record MailMessage(Email to, String subject, String text, String html) {}
}
