package app.huberman.application.subscription.port.in;

import app.huberman.domain.subscription.ClientPurchase;
import app.huberman.domain.user.UserId;

/**
 * The app reports a purchase; the server verifies it with the provider and binds it to the user.
 */
public interface VerifyPurchaseUseCase {

  /**
   * Each report may cost a call to the provider's API, so reports are limited per account and per
   * client address.
   *
   * @param clientIp the address the report came from
   * @throws InvalidNotificationException when the purchase is not authentic or not ours
   * @throws SandboxPurchaseRefusedException when it cost nothing and the sandbox access rule does
   *     not admit the caller
   * @throws app.huberman.application.shared.ConflictException when another account owns it
   * @throws app.huberman.application.shared.RateLimitedException past the limits
   */
  SubscriptionView verify(UserId caller, ClientPurchase purchase, String clientIp);
}
