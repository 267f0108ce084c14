package app.huberman.application.subscription;

import app.huberman.application.subscription.port.out.NoticeMailerPort;
import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.user.Email;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps the notices it was asked to email, as one line each. */
final class RecordingNoticeMailer implements NoticeMailerPort {

  final List<String> sent = new ArrayList<>();

  @Override
  public void sendNotice(
      Email to,
      NoticeKind kind,
      PaymentProvider provider,
      Optional<Instant> endsAt,
      Optional<String> manageUrl) {
    sent.add(to.value() + " " + kind.key() + " " + provider.key());
  }
}
