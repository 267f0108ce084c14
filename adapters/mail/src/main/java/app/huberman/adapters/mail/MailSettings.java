package app.huberman.adapters.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Objects;

/**
 * The SMTP server to hand mail to and the address it comes from (MAIL_HOST, MAIL_PORT, MAIL_FROM;
 * bootstrap reads them, with the defaults of its microprofile-config.properties).
 */
public record MailSettings(String host, int port, String from) {

  public MailSettings {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(from, "from");
    if (host.isBlank()) {
      throw new IllegalArgumentException("The mail host is empty");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("Not a TCP port: " + port);
    }
    fromAddress(from);
  }

  InternetAddress fromAddress() {
    return fromAddress(from);
  }

  /** {@code host:port}, how error messages name the server. */
  String server() {
    return host + ":" + port;
  }

  private static InternetAddress fromAddress(String from) {
    try {
      return new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("Not a sender address: " + from, e);
    }
  }
}
