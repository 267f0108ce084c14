package app.huberman.application.user;

import app.huberman.application.user.port.out.MailerPort;
import app.huberman.domain.user.Email;
import java.util.ArrayList;
import java.util.List;

/** Keeps every email the services asked for, in order, instead of sending it. */
final class RecordingMailer implements MailerPort {

  /** One email asked for: which kind, to whom, and its one varying fact (link or new address). */
  record Sent(String kind, Email to, String name, String detail) {}

  final List<Sent> sent = new ArrayList<>();

  @Override
  public void sendPasswordReset(Email to, String name, String link) {
    sent.add(new Sent("password-reset", to, name, link));
  }

  @Override
  public void sendEmailChangedNotice(Email to, String name, String newEmailMasked) {
    sent.add(new Sent("email-changed", to, name, newEmailMasked));
  }
}
