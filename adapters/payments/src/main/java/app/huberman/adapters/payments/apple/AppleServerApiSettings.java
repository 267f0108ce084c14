package app.huberman.adapters.payments.apple;

import app.huberman.adapters.payments.PrivateKeys;
import app.huberman.adapters.payments.ProviderHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPrivateKey;
import java.util.Objects;

/**
 * How the App Store Server API is reached: the in-app purchase key made in App Store Connect (Users
 * and Access, Integrations) and the API's base URLs.
 *
 * @param issuerId the issuer id shown above the keys (APPLE_ISSUER_ID)
 * @param keyId the key's id (APPLE_KEY_ID)
 * @param privateKey the key itself, from its {@code .p8} file (APPLE_PRIVATE_KEY_PEM)
 * @param productionUrl the API's production base URL (APPLE_API_URL)
 * @param sandboxUrl the API's sandbox base URL (APPLE_SANDBOX_API_URL), asked when production does
 *     not know the transaction
 */
public record AppleServerApiSettings(
    String issuerId, String keyId, ECPrivateKey privateKey, URI productionUrl, URI sandboxUrl) {

  public static final URI DEFAULT_PRODUCTION_URL =
      URI.create("https://api.storekit.itunes.apple.com");
  public static final URI DEFAULT_SANDBOX_URL =
      URI.create("https://api.storekit-sandbox.itunes.apple.com");

  public AppleServerApiSettings {
    Objects.requireNonNull(issuerId, "issuerId");
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(privateKey, "privateKey");
    ProviderHttp.requireHttp(productionUrl, "productionUrl");
    ProviderHttp.requireHttp(sandboxUrl, "sandboxUrl");
    if (issuerId.isBlank() || keyId.isBlank()) {
      throw new IllegalArgumentException("The App Store Server API needs an issuer id and key id");
    }
  }

  /**
   * Reads an in-app purchase key: the PEM text of the {@code .p8} file itself, or the path of that
   * file.
   *
   * @throws IllegalArgumentException when it is not a PKCS#8 EC private key
   * @throws UncheckedIOException when the file cannot be read
   */
  public static ECPrivateKey readPrivateKey(String pemOrPath) {
    String pem = pemOrPath.strip();
    if (!pem.startsWith("-----BEGIN")) {
      try {
        pem = Files.readString(Path.of(pem), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the App Store key file " + pemOrPath, e);
      }
    }
    try {
      return (ECPrivateKey) PrivateKeys.pkcs8(pem, "EC");
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException(
          "The App Store key (APPLE_PRIVATE_KEY_PEM) is not a PKCS#8 EC private key");
    }
  }

  /** Names the key, never shows it. */
  @Override
  public String toString() {
    return "AppleServerApiSettings[issuerId="
        + issuerId
        + ", keyId="
        + keyId
        + ", productionUrl="
        + productionUrl
        + ", sandboxUrl="
        + sandboxUrl
        + "]";
  }
}
