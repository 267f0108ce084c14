package app.huberman.adapters.mail;

import app.huberman.domain.user.Email;

/** The wording of each email the app sends, as plain text and as HTML (values escaped). */
final class MailTemplates {

  private MailTemplates() {}

  static Mail passwordReset(Email to, String name, String link) {
    String text =
        """
        Hello %s,

        Someone asked to reset the password of your Huberman App account. To choose a new
        password, open this link within 60 minutes:

        %s

        If it was not you, ignore this email: your password stays as it is.
        """
            .formatted(name, link);
    String html =
        """
        <p>Hello %s,</p>
        <p>Someone asked to reset the password of your Huberman App account. To choose a new
        password, open this link within 60 minutes:</p>
        <p><a href="%s">Reset my password</a></p>
        <p>If it was not you, ignore this email: your password stays as it is.</p>
        """
            .formatted(escape(name), escape(link));
    return new Mail(to, "Reset your Huberman App password", text, html);
  }

  static Mail emailChanged(Email to, String name, String newEmailMasked) {
    String text =
        """
        Hello %s,

        The email address of your Huberman App account was changed to %s.

        If you did not make this change, contact support at once.
        """
            .formatted(name, newEmailMasked);
    String html =
        """
        <p>Hello %s,</p>
        <p>The email address of your Huberman App account was changed to %s.</p>
        <p>If you did not make this change, contact support at once.</p>
        """
            .formatted(escape(name), escape(newEmailMasked));
    return new Mail(to, "Your Huberman App email address was changed", text, html);
  }

  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&#39;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
