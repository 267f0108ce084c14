package app.huberman.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MailSettingsTest {

  @Test
  void errorMessagesNameTheServerByHostAndPort() {
    assertThat(new MailSettings("127.0.0.1", 1025, "no-reply@huberman.app").server())
        .isEqualTo("127.0.0.1:1025");
  }

  @Test
  void refusesWhatCannotWork() {
    assertThatThrownBy(() -> new MailSettings(" ", 1025, "no-reply@huberman.app"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MailSettings("mail", 0, "no-reply@huberman.app"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MailSettings("mail", 70_000, "no-reply@huberman.app"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new MailSettings("mail", 25, "not an address"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theSenderMayCarryADisplayName() {
    assertThat(new MailSettings("mail", 25, "Huberman <no-reply@huberman.app>").fromAddress())
        .satisfies(
            address -> {
              assertThat(address.getAddress()).isEqualTo("no-reply@huberman.app");
              assertThat(address.getPersonal()).isEqualTo("Huberman");
            });
  }
}
