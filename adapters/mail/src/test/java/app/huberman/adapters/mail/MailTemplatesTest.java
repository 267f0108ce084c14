package app.huberman.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.domain.user.Email;
import org.junit.jupiter.api.Test;

class MailTemplatesTest {

  private static final Email JANE = Email.of("jane@example.com");
  private static final String LINK =
      "https://huberman.app/reset?token=a%2Bb&email=jane%40example.com";

  @Test
  void aResetMailCarriesTheLinkInBothPartsAndTheHtmlEscapesIt() {
    Mail mail = MailTemplates.passwordReset(JANE, "Jane", LINK);

    assertThat(mail.to()).isEqualTo(JANE);
    assertThat(mail.subject()).isEqualTo("Reset your Huberman App password");
    assertThat(mail.text()).contains("Hello Jane,").contains(LINK).contains("60 minutes");
    assertThat(mail.html())
        .contains(
            "<a href=\"https://huberman.app/reset?token=a%2Bb&amp;email=jane%40example.com\">"
                + "Reset my password</a>");
  }

  @Test
  void aNameOrLinkCannotInjectMarkupIntoTheHtmlPart() {
    Mail mail =
        MailTemplates.passwordReset(JANE, "<script>alert('x')</script> & co", "https://a/\"><b>");

    assertThat(mail.html())
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co")
        .contains("href=\"https://a/&quot;&gt;&lt;b&gt;\"")
        .doesNotContain("<script>")
        .doesNotContain("<b>");
    assertThat(mail.text()).contains("<script>alert('x')</script> & co");
  }

  @Test
  void theEmailChangedNoticeNamesOnlyTheMaskedNewAddress() {
    Mail mail = MailTemplates.emailChanged(JANE, "Jane", "j***@new.example");

    assertThat(mail.subject()).isEqualTo("Your Huberman App email address was changed");
    assertThat(mail.text()).contains("was changed to j***@new.example.");
    assertThat(mail.html()).contains("was changed to j***@new.example.");
  }
}
