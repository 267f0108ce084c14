package app.huberman.adapters.payments.google;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GoogleSettingsTest {

  private static final GoogleTestKeys KEYS = GoogleTestKeys.generate();

  @Test
  void readsAServiceAccountKeyFileWithoutEverPrintingTheKey() throws Exception {
    GoogleServiceAccount account =
        GoogleServiceAccount.fromJson(
            KEYS.serviceAccountJson(
                "play@example.iam.gserviceaccount.com", "https://oauth2.example/token"));

    assertThat(account.clientEmail()).isEqualTo("play@example.iam.gserviceaccount.com");
    assertThat(account.privateKeyId()).contains(GoogleTestKeys.SERVICE_ACCOUNT_KEY_ID);
    assertThat(account.tokenUri()).isEqualTo(URI.create("https://oauth2.example/token"));
    assertThat(account.privateKey().getModulus())
        .isEqualTo(KEYS.serviceAccountKey().toRSAPublicKey().getModulus());
    assertThat(account.toString())
        .doesNotContain(account.privateKey().getPrivateExponent().toString(16))
        .doesNotContain("PRIVATE KEY");
  }

  @Test
  void refusesAFileThatIsNotAServiceAccountKey() {
    assertThatThrownBy(() -> GoogleServiceAccount.fromJson("{\"type\":\"authorized_user\"}"))
        .isInstanceOf(IllegalArgumentException.class);
    // PEM markers around three zero bytes: no key at all, only the shape of one.
    assertThatThrownBy(
            () ->
                GoogleServiceAccount.fromJson(
                    """
                    {"client_email":"a@b","private_key":"-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----"}"""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void blankValuesCountAsUnsetAndUrlsMustBeHttp() {
    GoogleSettings settings =
        new GoogleSettings(
            Optional.of(" "),
            Optional.of(""),
            Optional.empty(),
            GoogleSettings.DEFAULT_JWKS_URL,
            GoogleSettings.DEFAULT_PLAY_API_URL,
            Optional.empty());

    assertThat(settings.packageName()).isEmpty();
    assertThat(settings.pubsubAudience()).isEmpty();
    assertThatThrownBy(
            () ->
                new GoogleSettings(
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    URI.create("file:///etc/certs.json"),
                    GoogleSettings.DEFAULT_PLAY_API_URL,
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
