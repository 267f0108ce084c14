package app.huberman.application.subscription.port.in;

import app.huberman.domain.subscription.PaymentProvider;

/**
 * Takes in a provider's webhook: verifies it, then stores it and enqueues its processing in one
 * transaction. Processing happens later, in a job.
 */
public interface ReceiveWebhookUseCase {

  /**
   * @return {@code ACCEPTED} when stored now, {@code DUPLICATE} when stored before (no second job)
   * @throws InvalidNotificationException when it is not authentic or not readable; nothing stored
   */
  WebhookReceipt receive(PaymentProvider provider, WebhookRequest request);
}
