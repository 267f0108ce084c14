package app.huberman.application.subscription;

import app.huberman.application.subscription.port.out.NoticeMailerPort;
import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.user.Email;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Keeps the notices it was asked to email, as one line each, and refuses to be called inside a
 * transaction: no database connection may wait on the mail server.
 */
final class RecordingNoticeMailer implements NoticeMailerPort {

  final List<String> sent = new ArrayList<>();
  private final BooleanSupplier inTransaction;

  RecordingNoticeMailer(BooleanSupplier inTransaction) {
    this.inTransaction = inTransaction;
  }

  @Override
  public void sendNotice(
      Email to,
      NoticeKind kind,
      PaymentProvider provider,
      Optional<Instant> endsAt,
      Optional<String> manageUrl) {
    if (inTransaction.getAsBoolean()) {
      throw new AssertionError("The mail server was called inside a transaction");
    }
    sent.add(to.value() + " " + kind.key() + " " + provider.key());
  }
}
