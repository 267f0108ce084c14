package app.huberman.application.subscription.port.out;

import app.huberman.application.shared.ProviderUnavailableException;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.in.WebhookRequest;
import app.huberman.domain.subscription.ClientPurchase;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderEvent;
import java.util.Optional;

/**
 * One payment provider: checks that its notifications are authentic and translates them into
 * neutral provider events. Implemented in the payments adapter, one per provider.
 */
public interface PaymentProviderPort {

  PaymentProvider provider();

  /**
   * Checks a webhook's authenticity and reads its envelope. Does no I/O beyond what verification
   * needs (a cached JWKS fetch for Google).
   *
   * @throws InvalidNotificationException when it is not authentic or not readable
   * @throws ProviderUnavailableException when a key needed to verify it cannot be fetched
   */
  VerifiedNotification verify(WebhookRequest request);

  /**
   * Translates a stored, verified notification. May ask the provider's API for the authoritative
   * state (Google Play).
   *
   * @return the event for one subscription, or empty for a notification that is only acknowledged
   *     (a test notification, a type that does not change subscription state)
   * @throws InvalidNotificationException when the stored payload cannot be interpreted (never
   *     retried)
   * @throws ProviderUnavailableException when the provider's API cannot be reached (retried)
   */
  Optional<ProviderEvent> interpret(VerifiedNotification notification);

  /**
   * Verifies a purchase the client reports and reads its current state.
   *
   * @throws InvalidNotificationException when it is not authentic, not ours or not readable
   * @throws ProviderUnavailableException when the provider's API cannot be reached
   */
  ProviderEvent verifyPurchase(ClientPurchase purchase);
}
