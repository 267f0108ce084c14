package app.huberman.bootstrap.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.bootstrap.e2e.support.E2eDatabase;
import app.huberman.bootstrap.e2e.support.Eventually;
import app.huberman.bootstrap.e2e.support.FreePorts;
import app.huberman.bootstrap.e2e.support.HttpTestClient;
import app.huberman.bootstrap.e2e.support.RunnableProcess;
import app.huberman.bootstrap.e2e.support.RunnableTests;
import app.huberman.bootstrap.e2e.support.UsersClient;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * No accepted request loses its email: 50 password resets are accepted by an instance that is then
 * killed with {@code kill -9} before any mail went out (it runs no workers), and a new instance
 * sends all 50, each at least once and at most twice.
 */
class MailDurabilityIT {

  private static final int USERS = 50;
  private static final String PASSWORD = "correct horse battery staple";

  @Test
  void everyAcceptedResetEmailArrivesAfterTheInstanceIsKilled() throws Exception {
    String database = "huberman_it_mail_" + UUID.randomUUID().toString().substring(0, 8);
    int smtpPort = FreePorts.find();
    GreenMail smtp =
        new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Map<String, String> environment =
        Map.of(
            "DB_DATABASE", database, "MAIL_PORT", Integer.toString(smtpPort), "LOG_LEVEL", "INFO");
    List<String> emails = new ArrayList<>();
    try {
      int port = FreePorts.find();
      RunnableProcess acceptingOnly =
          RunnableTests.startReady(
              "mail-durability-1", port, with(environment, "QUEUE_WORKERS", "0"));
      UsersClient users = new UsersClient(new HttpTestClient(port));
      for (int i = 0; i < USERS; i++) {
        String email =
            "reader" + i + "+" + UUID.randomUUID().toString().substring(0, 6) + "@example.com";
        emails.add(email);
        String address = "203.0.113." + (i + 1);
        assertThat(users.register("Reader " + i, email, PASSWORD, address).status()).isEqualTo(201);
        assertThat(
                users
                    .post(
                        "/api/v1/forgot-password", UsersClient.json("email", email), address, null)
                    .status())
            .isEqualTo(200);
      }
      acceptingOnly.kill();
      assertThat(smtp.getReceivedMessages()).as("no worker ran before the kill").isEmpty();

      int secondPort = FreePorts.find();
      try (RunnableProcess sending =
          RunnableTests.startReady(
              "mail-durability-2", secondPort, with(environment, "QUEUE_WORKERS", "4"))) {
        boolean allArrived =
            Eventually.holds(
                Duration.ofSeconds(60), () -> recipients(smtp).keySet().containsAll(emails));

        assertThat(allArrived).as(sending.tail()).isTrue();
        assertThat(recipients(smtp).values())
            .allSatisfy(count -> assertThat(count).isBetween(1L, 2L));
      }
    } finally {
      smtp.stop();
      E2eDatabase.drop(database);
    }
  }

  private static Map<String, String> with(
      Map<String, String> environment, String name, String value) {
    Map<String, String> all = new java.util.HashMap<>(environment);
    all.put(name, value);
    return all;
  }

  /** How many reset emails each recipient received. */
  private static Map<String, Long> recipients(GreenMail smtp) {
    List<String> to = new ArrayList<>();
    for (MimeMessage message : smtp.getReceivedMessages()) {
      try {
        if (message.getSubject().contains("Reset")) {
          for (Address address : message.getAllRecipients()) {
            to.add(address.toString().toLowerCase(java.util.Locale.ROOT));
          }
        }
      } catch (MessagingException e) {
        throw new IllegalStateException(e);
      }
    }
    return to.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }
}
