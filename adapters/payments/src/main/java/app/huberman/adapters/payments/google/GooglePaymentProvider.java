package app.huberman.adapters.payments.google;

import static app.huberman.adapters.payments.JsonFields.number;
import static app.huberman.adapters.payments.JsonFields.object;
import static app.huberman.adapters.payments.JsonFields.requiredString;

import app.huberman.adapters.payments.ProviderHttp;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.in.WebhookRequest;
import app.huberman.application.subscription.port.out.PaymentProviderPort;
import app.huberman.application.subscription.port.out.ProviderRecheckPort;
import app.huberman.application.subscription.port.out.VerifiedNotification;
import app.huberman.domain.subscription.ClientPurchase;
import app.huberman.domain.subscription.Observation;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * Google Play real-time developer notifications, pushed by Pub/Sub, purchases the app reports, and
 * re-checks of overdue renewals. A notification only says that something happened to a purchase
 * token; the Play Developer API says what the purchase's state is, so interpreting asks it (and may
 * be retried when Google cannot answer), and so does a re-check.
 */
public final class GooglePaymentProvider implements PaymentProviderPort, ProviderRecheckPort {

  private static final long SUBSCRIPTION_PRODUCT = 1;

  private final Optional<String> packageName;
  private final Optional<PubSubTokenVerifier> tokens;
  private final PlayDeveloperApi api;
  private final Clock clock;

  public GooglePaymentProvider(GoogleSettings settings, Clock clock) {
    Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    ProviderHttp http = ProviderHttp.create();
    this.packageName = settings.packageName();
    this.tokens =
        settings
            .pubsubAudience()
            .flatMap(
                audience ->
                    settings
                        .pubsubServiceAccount()
                        .map(
                            account ->
                                new PubSubTokenVerifier(
                                    settings.jwksUrl(), audience, account, http, clock)));
    this.api =
        new PlayDeveloperApi(
            http,
            settings.playApiUrl(),
            settings
                .serviceAccount()
                .map(key -> new GoogleAccessTokens(key, GoogleAccessTokens.SCOPE, http, clock)));
  }

  @Override
  public PaymentProvider provider() {
    return PaymentProvider.GOOGLE;
  }

  @Override
  public VerifiedNotification verify(WebhookRequest request) {
    PubSubTokenVerifier verifier =
        tokens.orElseThrow(
            () -> new InvalidNotificationException("Play notifications are not configured"));
    String expectedPackage = configuredPackage();
    verifier.verify(request.header("Authorization"));
    return PubSubPush.read(request.body(), expectedPackage);
  }

  @Override
  public Optional<ProviderEvent> interpret(VerifiedNotification notification) {
    JsonObject developerNotification = PubSubPush.storedNotification(notification.payload());
    Optional<JsonObject> subscription = object(developerNotification, PubSubPush.SUBSCRIPTION);
    if (subscription.isPresent()) {
      String token = requiredString(subscription.get(), "purchaseToken");
      JsonObject purchase =
          api.subscription(requiredString(developerNotification, "packageName"), token);
      return Optional.of(
          PlaySubscriptionMapper.event(
              token,
              notification.eventId(),
              notification.type(),
              notification.occurredAt(),
              purchase));
    }
    return object(developerNotification, PubSubPush.VOIDED)
        .filter(
            voided ->
                number(voided, "productType").orElse(SUBSCRIPTION_PRODUCT) == SUBSCRIPTION_PRODUCT)
        .map(voided -> revoked(requiredString(voided, "purchaseToken"), notification));
  }

  @Override
  public ProviderEvent verifyPurchase(ClientPurchase purchase) {
    if (!(purchase instanceof ClientPurchase.GooglePurchase google)) {
      throw new InvalidNotificationException("Not a Google Play purchase");
    }
    JsonObject state = api.subscription(configuredPackage(), google.purchaseToken());
    if (!PlaySubscriptionMapper.includesProduct(state, google.productId())) {
      throw new InvalidNotificationException("The purchase is not for the reported product");
    }
    return observedNow(google.purchaseToken(), "client-verify", "CLIENT_VERIFY", state);
  }

  /** Asks the Play Developer API, as a notification's interpretation does. */
  @Override
  public ProviderEvent recheck(ProviderSubscriptionRef subscription) {
    String token = subscription.id();
    return observedNow(token, "recheck", "RECHECK", api.subscription(configuredPackage(), token));
  }

  /** The API's answer as an event observed now, named by the source and the token's digest. */
  private ProviderEvent observedNow(String token, String source, String type, JsonObject state) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String eventId = source + ":" + sha256Hex(token) + ":" + now.toEpochMilli();
    return PlaySubscriptionMapper.event(token, eventId, type, now, state);
  }

  private String configuredPackage() {
    return packageName.orElseThrow(
        () -> new InvalidNotificationException("Play notifications are not configured"));
  }

  /** A refund or chargeback: access ends when Google voided the purchase. */
  private static ProviderEvent revoked(String purchaseToken, VerifiedNotification notification) {
    return new ProviderEvent(
        new ProviderSubscriptionRef(PaymentProvider.GOOGLE, purchaseToken),
        notification.eventId(),
        notification.type(),
        notification.occurredAt(),
        Optional.empty(),
        Optional.of(Observation.revoked(notification.occurredAt())));
  }

  /** Purchase tokens are long and secret-ish: event ids carry their digest instead. */
  private static String sha256Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
