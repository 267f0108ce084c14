package app.huberman.application.user.service;

import app.huberman.application.job.JobHandler;
import app.huberman.application.job.port.out.NewJob;
import app.huberman.application.user.port.out.MailerPort;
import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.user.Email;
import java.util.Map;
import java.util.Objects;

/**
 * Tells the old address that the account's email changed. Sending it twice does no harm. It only
 * sends mail and writes nothing to the database, so it runs outside any transaction and its job is
 * deleted afterwards ({@link Completion#AFTER_WORK}).
 */
public final class SendEmailChangedNoticeHandler implements JobHandler {

  public static final JobType TYPE = JobType.of("mail.email-changed");

  private static final int PAYLOAD_VERSION = 1;
  private static final String TO = "to";
  private static final String NAME = "name";
  private static final String NEW_EMAIL_MASKED = "new_email_masked";

  private final MailerPort mailer;

  public SendEmailChangedNoticeHandler(MailerPort mailer) {
    this.mailer = Objects.requireNonNull(mailer, "mailer");
  }

  /** The notice to an account's previous address that its email is now {@code current}. */
  static NewJob jobFor(Email previous, String name, Email current) {
    return new NewJob(
        TYPE,
        JobPayload.of(
            PAYLOAD_VERSION,
            Map.of(TO, previous.value(), NAME, name, NEW_EMAIL_MASKED, current.masked())),
        JobOptions.defaults().onQueue(MailQueue.NAME));
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
        Email.of(payload.require(TO)), payload.require(NAME), payload.require(NEW_EMAIL_MASKED));
  }
}
