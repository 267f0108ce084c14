package app.huberman.adapters.mail;

import app.huberman.application.subscription.port.out.NoticeMailerPort;
import app.huberman.application.user.port.out.MailerPort;
import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.user.Email;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * Writes each email from {@link MailTemplates} or {@link NoticeTemplates} and sends it as
 * multipart/alternative (plain text, then HTML; UTF-8) over SMTP. Connecting, reading and writing
 * each give up after {@link #TIMEOUT}, so a dead server fails a job rather than holding a worker.
 */
@Dependent
public class JakartaMailer implements MailerPort, NoticeMailerPort {

  static final Duration TIMEOUT = Duration.ofSeconds(5);

  private static final String UTF_8 = StandardCharsets.UTF_8.name();

  private final MailSettings settings;
  private final Clock clock;
  private final Session session;
  private final InternetAddress from;

  public JakartaMailer(MailSettings settings) {
    this(settings, Clock.systemUTC());
  }

  @Inject
  public JakartaMailer(MailSettings settings, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.from = settings.fromAddress();
    this.session = Session.getInstance(properties(settings));
  }

  @Override
  public void sendPasswordReset(Email to, String name, String link) {
    send(MailTemplates.passwordReset(to, name, link));
  }

  @Override
  public void sendEmailChangedNotice(Email to, String name, String newEmailMasked) {
    send(MailTemplates.emailChanged(to, name, newEmailMasked));
  }

  @Override
  public void sendNotice(
      Email to,
      NoticeKind kind,
      PaymentProvider provider,
      Optional<Instant> endsAt,
      Optional<String> manageUrl) {
    send(NoticeTemplates.notice(to, kind, provider, endsAt, manageUrl));
  }

  void send(Mail message) {
    Objects.requireNonNull(message, "message");
    try {
      Transport.send(mime(message));
    } catch (MessagingException e) {
      throw new MailDeliveryException(
          "Could not send mail to "
              + message.to().masked()
              + " through SMTP server "
              + settings.server()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private MimeMessage mime(Mail message) throws MessagingException {
    MimeBodyPart text = new MimeBodyPart();
    text.setText(Objects.requireNonNull(message.text(), "text"), UTF_8, "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(Objects.requireNonNull(message.html(), "html"), UTF_8, "html");

    MimeMessage mime = new MimeMessage(session);
    mime.setFrom(from);
    mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to().value(), true));
    mime.setSubject(Objects.requireNonNull(message.subject(), "subject"), UTF_8);
    mime.setSentDate(Date.from(clock.instant()));
    mime.setContent(new MimeMultipart("alternative", text, html));
    return mime;
  }

  private static Properties properties(MailSettings settings) {
    String timeout = Long.toString(TIMEOUT.toMillis());
    Properties properties = new Properties();
    properties.setProperty("mail.transport.protocol", "smtp");
    properties.setProperty("mail.smtp.host", settings.host());
    properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
    properties.setProperty("mail.smtp.from", settings.fromAddress().getAddress());
    properties.setProperty("mail.smtp.connectiontimeout", timeout);
    properties.setProperty("mail.smtp.timeout", timeout);
    properties.setProperty("mail.smtp.writetimeout", timeout);
    return properties;
  }
}
