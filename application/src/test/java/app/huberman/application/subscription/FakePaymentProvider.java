package app.huberman.application.subscription;

import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.in.WebhookRequest;
import app.huberman.application.subscription.port.out.PaymentProviderPort;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.domain.subscription.ClientPurchase;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A scripted provider. A webhook's body is its event id, and only scripted ids verify; each
 * notification interprets as scripted, and each reported purchase (by its token or signed
 * transaction) verifies as scripted.
 */
public final class FakePaymentProvider implements PaymentProviderPort {

  private final PaymentProvider provider;
  private final Map<String, VerifiedNotification> notifications = new HashMap<>();
  private final Map<String, Supplier<Optional<ProviderEvent>>> interpretations = new HashMap<>();
  private final Map<String, Supplier<ProviderEvent>> purchases = new HashMap<>();
  private int interpretationCount;

  public FakePaymentProvider(PaymentProvider provider) {
    this.provider = provider;
  }

  /** A webhook about {@code event}, carrying its id and time. */
  public WebhookRequest webhookAbout(ProviderEvent event) {
    return webhook(event.eventId(), event.occurredAt(), () -> Optional.of(event));
  }

  /** A webhook whose interpretation is scripted: an event, nothing, or a failure thrown. */
  public WebhookRequest webhook(
      String eventId, Instant at, Supplier<Optional<ProviderEvent>> interpretation) {
    notifications.put(
        eventId, new VerifiedNotification(provider, eventId, "test.notification", at, "{}"));
    interpretations.put(eventId, interpretation);
    return request(eventId);
  }

  /** A webhook that fails verification. */
  public WebhookRequest forgedWebhook(String eventId) {
    return request(eventId);
  }

  public void purchase(String token, Supplier<ProviderEvent> verification) {
    purchases.put(token, verification);
  }

  private static WebhookRequest request(String eventId) {
    return new WebhookRequest(
        eventId.getBytes(StandardCharsets.UTF_8), Map.of("Signature", List.of("test")));
  }

  @Override
  public PaymentProvider provider() {
    return provider;
  }

  @Override
  public VerifiedNotification verify(WebhookRequest request) {
    VerifiedNotification notification =
        notifications.get(new String(request.body(), StandardCharsets.UTF_8));
    if (notification == null) {
      throw new InvalidNotificationException("Signature mismatch");
    }
    return notification;
  }

  @Override
  public Optional<ProviderEvent> interpret(VerifiedNotification notification) {
    interpretationCount++;
    Supplier<Optional<ProviderEvent>> interpretation = interpretations.get(notification.eventId());
    if (interpretation == null) {
      throw new InvalidNotificationException("Unreadable payload");
    }
    return interpretation.get();
  }

  @Override
  public ProviderEvent verifyPurchase(ClientPurchase purchase) {
    String token =
        switch (purchase) {
          case ClientPurchase.AppleTransaction apple -> apple.signedTransaction();
          case ClientPurchase.GooglePurchase google -> google.purchaseToken();
        };
    Supplier<ProviderEvent> verification = purchases.get(token);
    if (verification == null) {
      throw new InvalidNotificationException("Not a purchase of this app");
    }
    return verification.get();
  }

  public int interpretationsAsked() {
    return interpretationCount;
  }
}
