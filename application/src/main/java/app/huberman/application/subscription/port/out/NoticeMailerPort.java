package app.huberman.application.subscription.port.out;

import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.user.Email;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends the subscription notices by email, a template per kind. The application says which notice
 * and with what facts; the wording, layout and escaping belong to the adapter.
 *
 * <p>Throws a {@link RuntimeException} when the mail server refused the message or could not be
 * reached; the job that called it is then retried.
 */
public interface NoticeMailerPort {

  /**
   * @param provider where the subscription was bought, which the email names
   * @param endsAt when premium ends or ended, for the kinds that say so
   * @param manageUrl where the user updates the payment method or resubscribes, when known
   */
  void sendNotice(
      Email to,
      NoticeKind kind,
      PaymentProvider provider,
      Optional<Instant> endsAt,
      Optional<String> manageUrl);
}
