package app.huberman.application.subscription;

import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.out.ProviderRecheckPort;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** A provider API that answers re-checks as scripted, and counts what it was asked. */
public final class FakeProviderRecheck implements ProviderRecheckPort {

  private final PaymentProvider provider;
  private final Map<ProviderSubscriptionRef, Supplier<ProviderEvent>> answers = new HashMap<>();
  private int asked;

  public FakeProviderRecheck(PaymentProvider provider) {
    this.provider = provider;
  }

  /** What the provider answers about {@code ref}: an event, or a failure thrown. */
  public void answer(ProviderSubscriptionRef ref, Supplier<ProviderEvent> answer) {
    answers.put(ref, answer);
  }

  @Override
  public PaymentProvider provider() {
    return provider;
  }

  @Override
  public ProviderEvent recheck(ProviderSubscriptionRef subscription) {
    asked++;
    Supplier<ProviderEvent> answer = answers.get(subscription);
    if (answer == null) {
      throw new InvalidNotificationException("The provider does not know the subscription");
    }
    return answer.get();
  }

  public int asked() {
    return asked;
  }
}
