package app.huberman.adapters.mail;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.user.Email;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NoticeTemplatesTest {

  private static final Email JANE = Email.of("jane@example.com");
  private static final Instant END = Instant.parse("2026-12-24T18:00:00Z");
  private static final String APPLE_LINK = "https://apps.apple.com/account/subscriptions";

  @Test
  void everyKindHasItsOwnSubjectAndNamesTheStore() {
    for (NoticeKind kind : NoticeKind.values()) {
      Mail mail =
          NoticeTemplates.notice(
              JANE, kind, PaymentProvider.APPLE, Optional.of(END), Optional.of(APPLE_LINK));

      assertThat(mail.to()).isEqualTo(JANE);
      assertThat(mail.subject()).as(kind.key()).contains("Huberman App premium");
      assertThat(mail.text()).as(kind.key()).contains("through the App Store").contains(APPLE_LINK);
      assertThat(mail.html()).as(kind.key()).contains("<a href=\"" + APPLE_LINK + "\">");
    }
  }

  @Test
  void aPaymentProblemAsksForThePaymentMethod() {
    Mail mail =
        NoticeTemplates.notice(
            JANE,
            NoticeKind.PAYMENT_PROBLEM,
            PaymentProvider.GOOGLE,
            Optional.empty(),
            Optional.of("https://play.google.com/store/account/subscriptions"));

    assertThat(mail.subject()).isEqualTo("Your Huberman App premium payment did not go through");
    assertThat(mail.text())
        .contains("through Google Play")
        .contains("Update my payment method: https://play.google.com/store/account/subscriptions");
  }

  @Test
  void theEndingReminderSaysTheDay() {
    Mail mail =
        NoticeTemplates.notice(
            JANE,
            NoticeKind.PREMIUM_ENDING,
            PaymentProvider.STRIPE,
            Optional.of(END),
            Optional.empty());

    assertThat(mail.subject()).isEqualTo("Your Huberman App premium ends on December 24, 2026");
    assertThat(mail.text()).contains("through Stripe").doesNotContain("http");
    assertThat(mail.html()).doesNotContain("<a ");
  }

  @Test
  void aLinkCannotInjectMarkup() {
    Mail mail =
        NoticeTemplates.notice(
            JANE,
            NoticeKind.PREMIUM_ENDED,
            PaymentProvider.STRIPE,
            Optional.empty(),
            Optional.of("https://a/\"><script>"));

    assertThat(mail.html()).doesNotContain("<script>").contains("&quot;&gt;&lt;script&gt;");
  }
}
