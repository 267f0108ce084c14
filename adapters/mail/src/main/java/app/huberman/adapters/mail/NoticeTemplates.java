package app.huberman.adapters.mail;

import static app.huberman.adapters.mail.MailTemplates.escape;

import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.user.Email;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/** The wording of each subscription notice, as plain text and as HTML (values escaped). */
final class NoticeTemplates {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private NoticeTemplates() {}

  static Mail notice(
      Email to,
      NoticeKind kind,
      PaymentProvider provider,
      Optional<Instant> endsAt,
      Optional<String> manageUrl) {
    String where = provider.displayName();
    String end = endsAt.map(DAY::format).orElse("soon");
    Wording wording =
        switch (kind) {
          case PAYMENT_PROBLEM ->
              new Wording(
                  "Your Huberman App premium payment did not go through",
                  "The renewal of your premium subscription through "
                      + where
                      + " could not be charged. Update your payment method to keep premium.",
                  "Update my payment method");
          case PREMIUM_ENDING ->
              new Wording(
                  "Your Huberman App premium ends on " + end,
                  "Your premium subscription through "
                      + where
                      + " will not renew, so premium ends on "
                      + end
                      + ". Turn auto-renew back on to keep it.",
                  "Keep premium");
          case PREMIUM_ENDED ->
              new Wording(
                  "Your Huberman App premium has ended",
                  "Your premium subscription through "
                      + where
                      + " has ended. Your account and notes stay; subscribe again at any time.",
                  "Subscribe again");
          case PAYMENT_RECOVERED ->
              new Wording(
                  "Your Huberman App premium payment went through",
                  "The payment for your premium subscription through "
                      + where
                      + " went through. Premium goes on; there is nothing more to do.",
                  "Manage my subscription");
        };
    String text =
        "Hello,\n\n"
            + wording.body()
            + "\n"
            + manageUrl.map(url -> "\n" + wording.action() + ": " + url + "\n").orElse("");
    String html =
        "<p>Hello,</p>\n<p>"
            + escape(wording.body())
            + "</p>\n"
            + manageUrl
                .map(
                    url ->
                        "<p><a href=\""
                            + escape(url)
                            + "\">"
                            + escape(wording.action())
                            + "</a></p>\n")
                .orElse("");
    return new Mail(to, wording.subject(), text, html);
  }

  private record Wording(String subject, String body, String action) {}
}
