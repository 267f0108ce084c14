package app.huberman.adapters.push;

import app.huberman.application.subscription.port.out.PushMessage;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/**
 * A notice as a push: a title and a line a lock screen shows, and the data the app reads when the
 * user taps it ({@code kind}, {@code provider}, {@code notice}), the same for APNs and FCM.
 */
public record PushText(String title, String body, Map<String, String> data) {

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("MMMM d", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  /** The wording of each kind of notice. */
  public static PushText of(PushMessage message) {
    String where = message.provider().displayName();
    String end = message.endsAt().map(DAY::format).orElse("soon");
    Map<String, String> data =
        Map.of(
            "kind", message.kind().key(),
            "provider", message.provider().key(),
            "notice", Long.toString(message.notice()));
    return switch (message.kind()) {
      case PAYMENT_PROBLEM ->
          new PushText(
              "Premium payment did not go through",
              "Your renewal through "
                  + where
                  + " could not be charged. Update your payment method.",
              data);
      case PREMIUM_ENDING ->
          new PushText(
              "Premium ends " + end,
              "Your subscription through "
                  + where
                  + " will not renew. Turn auto-renew on to keep it.",
              data);
      case PREMIUM_ENDED ->
          new PushText("Premium has ended", "Your notes stay; subscribe again at any time.", data);
      case PAYMENT_RECOVERED ->
          new PushText("Payment went through", "Premium goes on; nothing more to do.", data);
    };
  }
}
