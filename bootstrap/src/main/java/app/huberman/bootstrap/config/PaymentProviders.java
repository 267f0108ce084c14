package app.huberman.bootstrap.config;

import app.huberman.application.subscription.port.out.PaymentProviderPort;
import java.util.List;

/**
 * The payment providers this instance can verify. A provider missing here (the App Store while
 * {@code APPLE_ROOT_CA_PEM} is unset) has its webhooks refused with 400.
 */
public record PaymentProviders(List<PaymentProviderPort> all) {

  public PaymentProviders {
    all = List.copyOf(all);
  }
}
