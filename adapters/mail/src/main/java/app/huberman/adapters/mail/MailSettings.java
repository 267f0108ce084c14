package app.huberman.adapters.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Objects;

/**
 * The SMTP server to hand mail to and the address it comes from (MAIL_HOST, MAIL_PORT, MAIL_FROM;
 * bootstrap reads them).
 */
public record MailSettings(String host, int port, String from) {

  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 1025;
  public static final String DEFAULT_FROM = "no-reply@huberman.app";

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

  /** 127.0.0.1:1025 (a local catcher such as Mailpit), from no-reply@huberman.app. */
  public static MailSettings defaults() {
    return new MailSettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_FROM);
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
