package app.huberman.application.user.service;

import app.huberman.application.job.JobHandler;
import app.huberman.application.user.port.out.MailerPort;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.user.Email;
import java.util.Objects;

/**
 * Tells the old address that the account's email changed. Sending it twice does no harm. It only
 * sends mail and writes nothing to the database, so it runs outside any transaction and its job is
 * deleted afterwards ({@link Completion#AFTER_WORK}).
 */
public final class SendEmailChangedNoticeHandler implements JobHandler {

  public static final JobType TYPE = JobType.of("mail.email-changed");

  private final MailerPort mailer;

  public SendEmailChangedNoticeHandler(MailerPort mailer) {
    this.mailer = Objects.requireNonNull(mailer, "mailer");
  }

  @Override
  public JobType type() {
    return TYPE;
  }

  @Override
  public Completion completion() {
    return Completion.AFTER_WORK;
  }

  @Override
  public void handle(JobPayload payload) {
    mailer.sendEmailChangedNotice(
        Email.of(payload.require("to")),
        payload.require("name"),
        payload.require("new_email_masked"));
  }
}
