package app.huberman.application.subscription.service;

import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.out.PaymentProviderPort;
import app.huberman.domain.subscription.PaymentProvider;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * The configured payment providers, by provider: one port each. Built once by the composition root
 * and shared by the use cases that verify purchases and process webhooks.
 */
public final class PaymentProviders {

  private final Map<PaymentProvider, PaymentProviderPort> byProvider =
      new EnumMap<>(PaymentProvider.class);

  public PaymentProviders(Collection<? extends PaymentProviderPort> ports) {
    for (PaymentProviderPort port : ports) {
      if (byProvider.putIfAbsent(port.provider(), port) != null) {
        throw new IllegalArgumentException("Two ports for provider " + port.provider().key());
      }
    }
  }

  /**
   * @throws InvalidNotificationException when no port serves the provider: nothing from it can be
   *     verified
   */
  PaymentProviderPort of(PaymentProvider provider) {
    PaymentProviderPort port = byProvider.get(provider);
    if (port == null) {
      throw new InvalidNotificationException("Payments through " + provider.key() + " are off");
    }
    return port;
  }
}
