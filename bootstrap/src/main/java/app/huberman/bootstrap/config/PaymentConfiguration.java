package app.huberman.bootstrap.config;

import static app.huberman.bootstrap.config.Settings.optional;

import app.huberman.adapters.payments.apple.ApplePaymentProvider;
import app.huberman.adapters.payments.apple.AppleServerApiSettings;
import app.huberman.adapters.payments.apple.AppleSettings;
import app.huberman.adapters.payments.apple.AppleSubscriptionRecheck;
import app.huberman.adapters.payments.google.GooglePaymentProvider;
import app.huberman.adapters.payments.google.GoogleServiceAccount;
import app.huberman.adapters.payments.google.GoogleSettings;
import app.huberman.adapters.payments.stripe.StripeApiSettings;
import app.huberman.adapters.payments.stripe.StripeBilling;
import app.huberman.adapters.payments.stripe.StripePaymentProvider;
import app.huberman.adapters.payments.stripe.StripeSettings;
import app.huberman.application.subscription.port.out.PaymentProviderPort;
import app.huberman.application.subscription.port.out.ProviderRecheckPort;
import app.huberman.application.subscription.service.ManageLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The payment providers, configured from their environment variables (the README's "Configuration"
 * table). A provider whose secrets are unset still verifies, and refuses everything, so its
 * webhooks answer 400 with the reason.
 */
@ApplicationScoped
public class PaymentConfiguration {

  private static final Logger LOG = Logger.getLogger(PaymentConfiguration.class.getName());

  @Produces
  @Singleton
  public ConfiguredProviders paymentProviders(Clock clock) {
    List<PaymentProviderPort> providers = new ArrayList<>();
    List<ProviderRecheckPort> rechecks = new ArrayList<>();
    providers.add(
        new StripePaymentProvider(StripeSettings.of(optional("STRIPE_WEBHOOK_SECRET")), clock));
    Optional<String> appleRoots = optional("APPLE_ROOT_CA_PEM");
    Optional<AppleServerApiSettings> appleApi = appleServerApiSettings();
    if (appleRoots.isPresent()) {
      AppleSettings apple =
          AppleSettings.fromPem(optional("APPLE_BUNDLE_ID"), Path.of(appleRoots.get()));
      providers.add(new ApplePaymentProvider(apple, clock));
      appleApi.ifPresent(api -> rechecks.add(new AppleSubscriptionRecheck(apple, api, clock)));
    } else {
      LOG.warning(
          "APPLE_ROOT_CA_PEM is not set: App Store notifications and purchases are refused");
    }
    GoogleSettings google = googleSettings();
    GooglePaymentProvider play = new GooglePaymentProvider(google, clock);
    providers.add(play);
    if (google.packageName().isPresent() && google.serviceAccount().isPresent()) {
      rechecks.add(play);
    }
    return new ConfiguredProviders(providers, rechecks);
  }

  /**
   * Stripe's API for web purchases. Without STRIPE_SECRET_KEY checkout and the Customer Portal
   * answer 503, which the start-up log says once; a URL that is not http(s) stops the start.
   */
  @Produces
  @Singleton
  public StripeBilling stripeBilling() {
    StripeBilling billing =
        StripeBilling.create(
            new StripeApiSettings(
                optional("STRIPE_SECRET_KEY"),
                URI.create(required("STRIPE_API_URL")),
                required("CHECKOUT_SUCCESS_URL"),
                required("CHECKOUT_CANCEL_URL"),
                required("PORTAL_RETURN_URL")));
    if (!billing.configured()) {
      LOG.warning("STRIPE_SECRET_KEY is not set: web checkout and the Customer Portal answer 503");
    }
    return billing;
  }

  /**
   * Where notices send a user to manage a subscription; Google Play's link names the product in
   * GOOGLE_PACKAGE_NAME's app.
   */
  @Produces
  @Singleton
  public ManageLinks manageLinks(StripeBilling stripe) {
    return new ManageLinks(stripe, optional("GOOGLE_PACKAGE_NAME"));
  }

  /**
   * The App Store Server API's key: all three of APPLE_ISSUER_ID, APPLE_KEY_ID and
   * APPLE_PRIVATE_KEY_PEM, or none (no re-check of App Store subscriptions; the lapse still
   * applies). Some but not all stops the start.
   */
  static Optional<AppleServerApiSettings> appleServerApiSettings() {
    Optional<List<String>> key =
        Settings.allOrNone(
            List.of("APPLE_ISSUER_ID", "APPLE_KEY_ID", "APPLE_PRIVATE_KEY_PEM"),
            "APPLE_ISSUER_ID, APPLE_KEY_ID and APPLE_PRIVATE_KEY_PEM go together: set all three or"
                + " none");
    if (key.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new AppleServerApiSettings(
            key.get().get(0),
            key.get().get(1),
            AppleServerApiSettings.readPrivateKey(key.get().get(2)),
            optional("APPLE_API_URL")
                .map(URI::create)
                .orElse(AppleServerApiSettings.DEFAULT_PRODUCTION_URL),
            optional("APPLE_SANDBOX_API_URL")
                .map(URI::create)
                .orElse(AppleServerApiSettings.DEFAULT_SANDBOX_URL)));
  }

  /**
   * Builds the providers while the application deploys, so a bad setting (an unreadable
   * APPLE_ROOT_CA_PEM, a malformed key file or URL) stops the start with its message instead of
   * failing every webhook later.
   */
  void checkAtStartup(
      @Observes @Initialized(ApplicationScoped.class) Object applicationStarted,
      ConfiguredProviders providers,
      StripeBilling stripeBilling) {
    LOG.info(
        () ->
            "Payment providers: "
                + providers.all().stream().map(provider -> provider.provider().key()).toList()
                + "; overdue renewals re-checked with: "
                + providers.rechecks().stream().map(recheck -> recheck.provider().key()).toList());
  }

  private static GoogleSettings googleSettings() {
    return new GoogleSettings(
        optional("GOOGLE_PACKAGE_NAME"),
        optional("GOOGLE_PUBSUB_AUDIENCE"),
        optional("GOOGLE_PUBSUB_SERVICE_ACCOUNT"),
        optional("GOOGLE_JWKS_URL").map(URI::create).orElse(GoogleSettings.DEFAULT_JWKS_URL),
        optional("GOOGLE_PLAY_API_URL")
            .map(URI::create)
            .orElse(GoogleSettings.DEFAULT_PLAY_API_URL),
        optional("GOOGLE_SERVICE_ACCOUNT_KEY").map(Path::of).map(GoogleServiceAccount::load));
  }

  /** A setting the defaults file gives a value, so it is only missing when set empty. */
  private static String required(String name) {
    return optional(name)
        .orElseThrow(() -> new IllegalArgumentException(name + " must not be empty"));
  }
}
