package app.huberman.application.subscription.port.in;

import app.huberman.domain.subscription.ClientPurchase;
import app.huberman.domain.user.UserId;

/**
 * The app reports a purchase; the server verifies it with the provider and binds it to the user.
 */
public interface VerifyPurchaseUseCase {

  /**
   * @throws InvalidNotificationException when the purchase is not authentic or not ours
   * @throws app.huberman.application.shared.ConflictException when another account owns it
   */
  SubscriptionView verify(UserId caller, ClientPurchase purchase);
}
