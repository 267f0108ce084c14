package app.huberman.adapters.payments.google;

import app.huberman.adapters.payments.JsonFields;
import app.huberman.adapters.payments.PrivateKeys;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.RSAPrivateKey;
import java.util.Objects;
import java.util.Optional;

/**
 * A Google service account's key, as in the JSON key file Google Cloud hands out: who the server is
 * to Google, and the key that signs its OAuth assertions.
 *
 * @param privateKeyId the key's id, sent as {@code kid} so Google picks the right public key
 */
public record GoogleServiceAccount(
    String clientEmail, Optional<String> privateKeyId, RSAPrivateKey privateKey, URI tokenUri) {

  private static final URI DEFAULT_TOKEN_URI = URI.create("https://oauth2.googleapis.com/token");

  public GoogleServiceAccount {
    Objects.requireNonNull(clientEmail, "clientEmail");
    Objects.requireNonNull(privateKeyId, "privateKeyId");
    Objects.requireNonNull(privateKey, "privateKey");
    GoogleSettings.requireHttp(tokenUri, "tokenUri");
    if (clientEmail.isBlank()) {
      throw new IllegalArgumentException("A service account needs its client_email");
    }
  }

  /**
   * Reads a JSON key file ({@code client_email}, {@code private_key} as PKCS#8 PEM, {@code
   * token_uri}).
   *
   * @throws UncheckedIOException when it cannot be read
   * @throws IllegalArgumentException when it is not a service-account key
   */
  public static GoogleServiceAccount load(Path keyFile) {
    try {
      return fromJson(Files.readString(keyFile, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the service-account key " + keyFile, e);
    }
  }

  /** Reads the JSON of a key file. */
  public static GoogleServiceAccount fromJson(String json) {
    try {
      JsonObject key = JsonFields.parseObject(json);
      return new GoogleServiceAccount(
          JsonFields.requiredString(key, "client_email"),
          JsonFields.string(key, "private_key_id"),
          privateKey(JsonFields.requiredString(key, "private_key")),
          JsonFields.string(key, "token_uri").map(URI::create).orElse(DEFAULT_TOKEN_URI));
    } catch (InvalidNotificationException e) {
      throw new IllegalArgumentException("Not a service-account key: " + e.getMessage(), e);
    }
  }

  private static RSAPrivateKey privateKey(String pem) {
    try {
      return (RSAPrivateKey) PrivateKeys.pkcs8(pem, "RSA");
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new IllegalArgumentException(
          "The service account's private_key is not a PKCS#8 RSA key");
    }
  }

  /** Names the account, never the key. */
  @Override
  public String toString() {
    return "GoogleServiceAccount[" + clientEmail + "]";
  }
}
