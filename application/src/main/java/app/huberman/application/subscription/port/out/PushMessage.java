package app.huberman.application.subscription.port.out;

import app.huberman.domain.subscription.NoticeKind;
import app.huberman.domain.subscription.PaymentProvider;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a push notice says, as facts: the adapter words it.
 *
 * @param notice the recorded notice's id, which lets a device show a resent push once
 * @param provider where the subscription was bought, which the text names
 * @param endsAt when premium ends or ended, for the kinds that say so
 */
public record PushMessage(
    long notice, NoticeKind kind, PaymentProvider provider, Optional<Instant> endsAt) {

  public PushMessage {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(endsAt, "endsAt");
  }

  /** The same key for every attempt at this notice, so a device collapses repeats. */
  public String collapseKey() {
    return "notice-" + notice;
  }
}
