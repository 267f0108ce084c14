package app.huberman.adapters.payments;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/** Reads the private keys providers hand out: PKCS#8 in PEM ({@code BEGIN PRIVATE KEY}). */
public final class PrivateKeys {

  private PrivateKeys() {}

  /**
   * @param algorithm the key's algorithm, {@code RSA} or {@code EC}
   * @throws IllegalArgumentException when the text is not such a key (the message never shows it)
   */
  public static PrivateKey pkcs8(String pem, String algorithm) {
    String base64 =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance(algorithm)
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException("Not a PKCS#8 " + algorithm + " private key");
    }
  }
}
