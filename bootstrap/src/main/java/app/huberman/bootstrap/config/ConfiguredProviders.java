package app.huberman.bootstrap.config;

import app.huberman.application.subscription.port.out.PaymentProviderPort;
import app.huberman.application.subscription.port.out.ProviderRecheckPort;
import java.util.List;

/**
 * The payment providers this instance can verify. A provider missing here (the App Store while
 * {@code APPLE_ROOT_CA_PEM} is unset) has its webhooks refused with 400.
 *
 * @param rechecks the providers whose API can be asked about an overdue renewal (Google with a
 *     service-account key, the App Store with an in-app purchase key; Stripe not yet)
 */
public record ConfiguredProviders(
    List<PaymentProviderPort> all, List<ProviderRecheckPort> rechecks) {

  public ConfiguredProviders {
    all = List.copyOf(all);
    rechecks = List.copyOf(rechecks);
  }
}
