package app.huberman.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.domain.user.Email;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JakartaMailerIT {

  @RegisterExtension
  static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  private static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");
  private static final Mail RESET =
      new Mail(
          Email.of("Zoe@example.com"),
          "Réinitialisez votre mot de passe ✓",
          "Bonjour Zoë,\nhttps://huberman.app/reset-password?token=abc — valable 60 minutes.",
          "<p>Bonjour Zoë,</p><p><a href=\"https://huberman.app/reset-password?token=abc\">"
              + "Réinitialiser</a> — valable 60 minutes.</p>");

  @Test
  void aMessageArrivesWithBothPartsAndItsTextIntact() throws Exception {
    JakartaMailer mailer =
        new JakartaMailer(
            new MailSettings("127.0.0.1", SMTP.getSmtp().getPort(), "no-reply@huberman.app"),
            Clock.fixed(NOW, ZoneOffset.UTC));

    mailer.send(RESET);

    assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage received = SMTP.getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo("Réinitialisez votre mot de passe ✓");
    assertThat(received.getFrom()).containsExactly(new InternetAddress("no-reply@huberman.app"));
    assertThat(received.getRecipients(Message.RecipientType.TO))
        .containsExactly(new InternetAddress("Zoe@example.com"));
    assertThat(received.getSentDate().toInstant()).isEqualTo(NOW);
    assertThat(received.getContentType()).startsWith("multipart/alternative");

    MimeMultipart parts = (MimeMultipart) received.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType())
        .isEqualToIgnoringCase("text/plain; charset=UTF-8");
    // SMTP carries text with CRLF line ends; the characters themselves arrive unchanged
    assertThat(((String) parts.getBodyPart(0).getContent()).replace("\r\n", "\n"))
        .isEqualTo(RESET.text());
    assertThat(parts.getBodyPart(1).getContentType())
        .isEqualToIgnoringCase("text/html; charset=UTF-8");
    assertThat(((String) parts.getBodyPart(1).getContent()).replace("\r\n", "\n"))
        .isEqualTo(RESET.html());
  }

  @Test
  void aPasswordResetIntentArrivesAsTheResetMailWithItsLink() throws Exception {
    JakartaMailer mailer =
        new JakartaMailer(
            new MailSettings("127.0.0.1", SMTP.getSmtp().getPort(), "no-reply@huberman.app"));

    mailer.sendPasswordReset(Email.of("jane@example.com"), "Jane", "https://huberman.app/r?t=1");

    assertThat(SMTP.waitForIncomingEmail(5_000, 1)).isTrue();
    MimeMessage received = SMTP.getReceivedMessages()[0];
    assertThat(received.getSubject()).isEqualTo("Reset your Huberman App password");
    MimeMultipart parts = (MimeMultipart) received.getContent();
    assertThat((String) parts.getBodyPart(0).getContent()).contains("https://huberman.app/r?t=1");
  }

  @Test
  void withNoServerListeningTheCallFailsFastAndKeepsTheBodyOutOfTheMessage() throws IOException {
    int port = unusedPort();
    JakartaMailer mailer =
        new JakartaMailer(new MailSettings("127.0.0.1", port, "no-reply@huberman.app"));
    long started = System.nanoTime();

    assertThatThrownBy(() -> mailer.send(RESET))
        .isInstanceOf(MailDeliveryException.class)
        .hasMessageContaining("127.0.0.1:" + port)
        .hasMessageContaining("Z***@example.com")
        .hasMessageNotContaining("Zoe@example.com")
        .hasMessageNotContaining("token")
        .hasMessageNotContaining("Réinitialis");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aServerThatNeverAnswersTimesOutWithinTheReadTimeout() throws IOException {
    // The kernel completes the connection from the backlog; nobody ever sends the SMTP greeting.
    try (ServerSocket silent = new ServerSocket(0)) {
      JakartaMailer mailer =
          new JakartaMailer(
              new MailSettings("127.0.0.1", silent.getLocalPort(), "no-reply@huberman.app"));
      long started = System.nanoTime();

      assertThatThrownBy(() -> mailer.send(RESET))
          .isInstanceOf(MailDeliveryException.class)
          .hasMessageContaining("127.0.0.1:" + silent.getLocalPort());
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
  }

  private static int unusedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
