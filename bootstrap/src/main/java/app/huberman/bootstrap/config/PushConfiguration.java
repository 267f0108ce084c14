package app.huberman.bootstrap.config;

import static app.huberman.bootstrap.config.Settings.optional;

import app.huberman.adapters.payments.google.GoogleAccessTokens;
import app.huberman.adapters.payments.google.GoogleServiceAccount;
import app.huberman.adapters.push.apns.ApnsPush;
import app.huberman.adapters.push.apns.ApnsSettings;
import app.huberman.adapters.push.fcm.FcmAccessTokens;
import app.huberman.adapters.push.fcm.FcmPush;
import app.huberman.adapters.push.fcm.FcmSettings;
import app.huberman.adapters.push.services.PushServices;
import app.huberman.domain.user.DevicePlatform;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The push services, configured from their environment variables (the README's "Configuration"
 * table). A service whose variables are all unset is skipped, which the start-up log says once;
 * some but not all of them stop the start.
 */
@ApplicationScoped
public class PushConfiguration {

  private static final Logger LOG = Logger.getLogger(PushConfiguration.class.getName());
  private static final List<String> APNS =
      List.of("APNS_KEY_ID", "APNS_TEAM_ID", "APNS_PRIVATE_KEY_PEM", "APNS_TOPIC");

  @Produces
  @Singleton
  public PushServices pushServices(Clock clock) {
    return new PushServices(apns(clock), fcm(clock));
  }

  void close(@Disposes PushServices services) {
    services.close();
  }

  /** Builds the services while the application deploys, and says which are skipped. */
  void checkAtStartup(
      @Observes @Initialized(ApplicationScoped.class) Object applicationStarted,
      PushServices push) {
    if (!push.reaches(DevicePlatform.IOS)) {
      LOG.warning("APNs is not configured (APNS_KEY_ID, ...): iOS devices get no push notices");
    }
    if (!push.reaches(DevicePlatform.ANDROID)) {
      LOG.warning(
          "FCM is not configured (FCM_PROJECT_ID): Android and web devices get no push notices");
    }
  }

  private static Optional<ApnsPush> apns(Clock clock) {
    Optional<List<String>> values =
        Settings.allOrNone(APNS, String.join(", ", APNS) + " go together: set all or none");
    if (values.isEmpty()) {
      return Optional.empty();
    }
    ApnsSettings settings =
        new ApnsSettings(
            values.get().get(0),
            values.get().get(1),
            Settings.pemText(values.get().get(2), "APNS_PRIVATE_KEY_PEM"),
            values.get().get(3),
            ApnsSettings.Environment.of(optional("APNS_ENVIRONMENT").orElse("production")),
            optional("APNS_SERVER"),
            optional("APNS_TRUSTED_CERTIFICATE_PEM")
                .map(pem -> Settings.pemText(pem, "APNS_TRUSTED_CERTIFICATE_PEM")));
    return Optional.of(ApnsPush.create(settings, clock));
  }

  private static Optional<FcmPush> fcm(Clock clock) {
    Optional<String> project = optional("FCM_PROJECT_ID");
    if (project.isEmpty()) {
      return Optional.empty();
    }
    GoogleServiceAccount account =
        optional("GOOGLE_SERVICE_ACCOUNT_KEY")
            .map(Path::of)
            .map(GoogleServiceAccount::load)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "FCM_PROJECT_ID needs GOOGLE_SERVICE_ACCOUNT_KEY, the service account"
                            + " FCM is called as"));
    FcmSettings settings =
        new FcmSettings(
            project.get(),
            optional("FCM_API_URL").map(URI::create).orElse(FcmSettings.DEFAULT_API_URL));
    return Optional.of(FcmPush.create(settings, tokensOf(account, clock), clock));
  }

  /** The Google Play adapter's OAuth client, with FCM's scope: one service account for both. */
  private static FcmAccessTokens tokensOf(GoogleServiceAccount account, Clock clock) {
    GoogleAccessTokens tokens = GoogleAccessTokens.forScope(account, FcmAccessTokens.SCOPE, clock);
    return new FcmAccessTokens() {
      @Override
      public String token() {
        return tokens.token();
      }

      @Override
      public void invalidate() {
        tokens.invalidate();
      }
    };
  }
}
