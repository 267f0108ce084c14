package app.huberman.application.user.service;

import app.huberman.application.job.JobHandler;
import app.huberman.application.job.port.out.NewJob;
import app.huberman.application.user.port.out.MailerPort;
import app.huberman.application.user.port.out.PasswordResetTokenRepository;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.domain.job.JobOptions;
import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.JobType;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.PasswordResetToken;
import app.huberman.domain.user.User;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Creates a reset token for the account of the email, if there is one, and mails the link. Run
 * again, it sends a new link that replaces the first: the latest link always works.
 */
public final class SendPasswordResetEmailHandler implements JobHandler {

  public static final JobType TYPE = JobType.of("mail.password-reset");

  private static final int PAYLOAD_VERSION = 1;
  private static final String EMAIL = "email";

  private final UserRepository users;
  private final PasswordResetTokenRepository resets;
  private final MailerPort mailer;
  private final Clock clock;
  private final String resetUrl;

  public SendPasswordResetEmailHandler(
      UserRepository users,
      PasswordResetTokenRepository resets,
      MailerPort mailer,
      Clock clock,
      UserSettings settings) {
    this.users = Objects.requireNonNull(users, "users");
    this.resets = Objects.requireNonNull(resets, "resets");
    this.mailer = Objects.requireNonNull(mailer, "mailer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.resetUrl = settings.passwordResetUrl();
  }

  /**
   * The reset mail for whatever account has this email. At most one is queued per email: asking
   * again while one waits adds nothing, and the link it sends is the newest.
   */
  static NewJob jobFor(Email email) {
    return new NewJob(
        TYPE,
        JobPayload.of(PAYLOAD_VERSION, Map.of(EMAIL, email.normalized())),
        JobOptions.defaults()
            .onQueue(MailQueue.NAME)
            .uniqueBy("password-reset:" + Secrets.sha256Hex(email.normalized())));
  }

  @Override
  public JobType type() {
    return TYPE;
  }

  @Override
  public void handle(JobPayload payload) {
    Email email = Email.of(payload.require(EMAIL));
    Optional<User> user = users.findByEmail(email);
    if (user.isEmpty()) {
      return; // no account: nothing to send, and the requester learns nothing
    }
    String token = Secrets.newSecret();
    resets.save(
        new PasswordResetToken(email.normalized(), Secrets.sha256Hex(token), clock.instant()));
    Email to = user.get().email();
    mailer.sendPasswordReset(to, user.get().name(), resetLink(token, to));
  }

  /** The reset form's address with the token and the email as query parameters. */
  private String resetLink(String token, Email email) {
    String separator = resetUrl.contains("?") ? "&" : "?";
    return resetUrl
        + separator
        + "token="
        + URLEncoder.encode(token, StandardCharsets.UTF_8)
        + "&email="
        + URLEncoder.encode(email.value(), StandardCharsets.UTF_8);
  }
}
