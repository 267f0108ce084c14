package app.huberman.adapters.payments.apple;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.util.Base64;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A stand-in for Apple's signing hierarchy, made at test time: a root CA, an intermediate with
 * Apple's WWDR marker extension and an ES256 leaf with the App Store signing marker. Signs
 * notifications and transactions as the App Store does (ES256, {@code x5c} = leaf, intermediate,
 * root), so tests run the real verification against {@link #writeRootPem}.
 *
 * <pre>{@code
 * AppleTestCa ca = AppleTestCa.issue();
 * AppleSettings settings = AppleSettings.fromPem(Optional.of(BUNDLE), ca.writeRootPem(tempDir));
 * String tx = ca.sign(AppleTestCa.transaction(BUNDLE, "1000", "premium", signedAt, expires).build());
 * String body = AppleTestCa.webhookBody(ca.sign(AppleTestCa.notification(
 *     "DID_RENEW", null, signedAt, AppleTestCa.data(BUNDLE).add("signedTransactionInfo", tx)).build()));
 * }</pre>
 */
public final class AppleTestCa {

  public static final String LEAF_MARKER_OID = "1.2.840.113635.100.6.11.1";
  public static final String INTERMEDIATE_MARKER_OID = "1.2.840.113635.100.6.2.1";

  /** Default validity of every certificate: wide enough for any fixed test clock. */
  public static final Instant NOT_BEFORE = Instant.parse("2020-01-01T00:00:00Z");

  public static final Instant NOT_AFTER = Instant.parse("2040-01-01T00:00:00Z");

  private static final AtomicLong SERIALS = new AtomicLong(1);

  private final X509Certificate root;
  private final X509Certificate intermediate;
  private final X509Certificate leaf;
  private final ECPrivateKey leafKey;

  private AppleTestCa(
      X509Certificate root, X509Certificate intermediate, X509Certificate leaf, ECPrivateKey key) {
    this.root = root;
    this.intermediate = intermediate;
    this.leaf = leaf;
    this.leafKey = key;
  }

  /** A hierarchy as Apple's: markers present, valid from 2020 to 2040. */
  public static AppleTestCa issue() {
    return builder().issue();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Variations for tests of what must be refused. */
  public static final class Builder {
    private boolean leafMarker = true;
    private boolean intermediateMarker = true;
    private Instant leafNotBefore = NOT_BEFORE;
    private Instant leafNotAfter = NOT_AFTER;

    private Builder() {}

    public Builder leafMarker(boolean present) {
      this.leafMarker = present;
      return this;
    }

    public Builder intermediateMarker(boolean present) {
      this.intermediateMarker = present;
      return this;
    }

    public Builder leafValidity(Instant notBefore, Instant notAfter) {
      this.leafNotBefore = notBefore;
      this.leafNotAfter = notAfter;
      return this;
    }

    public AppleTestCa issue() {
      KeyPair rootKeys = ecKeys();
      KeyPair intermediateKeys = ecKeys();
      KeyPair leafKeys = ecKeys();
      X500Name rootName = new X500Name("CN=Test Apple Root CA,O=Huberman Tests,C=US");
      X500Name intermediateName = new X500Name("CN=Test Apple WWDR CA,O=Huberman Tests,C=US");
      X509Certificate root =
          certificate(
              rootName, rootName, rootKeys, rootKeys, NOT_BEFORE, NOT_AFTER, true, List.of());
      X509Certificate intermediate =
          certificate(
              rootName,
              intermediateName,
              rootKeys,
              intermediateKeys,
              NOT_BEFORE,
              NOT_AFTER,
              true,
              intermediateMarker ? List.of(INTERMEDIATE_MARKER_OID) : List.of());
      X509Certificate leaf =
          certificate(
              intermediateName,
              new X500Name("CN=Test App Store Signing,O=Huberman Tests,C=US"),
              intermediateKeys,
              leafKeys,
              leafNotBefore,
              leafNotAfter,
              false,
              leafMarker ? List.of(LEAF_MARKER_OID) : List.of());
      return new AppleTestCa(root, intermediate, leaf, (ECPrivateKey) leafKeys.getPrivate());
    }
  }

  public X509Certificate root() {
    return root;
  }

  public X509Certificate intermediate() {
    return intermediate;
  }

  public X509Certificate leaf() {
    return leaf;
  }

  /** The {@code x5c} header the App Store sends: leaf, intermediate, root. */
  public List<Base64> x5c() {
    List<Base64> chain = new ArrayList<>();
    for (X509Certificate certificate : List.of(leaf, intermediate, root)) {
      try {
        chain.add(Base64.encode(certificate.getEncoded()));
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException(e);
      }
    }
    return chain;
  }

  /** Writes the root as a PEM file, the form {@link AppleSettings#fromPem} reads. */
  public Path writeRootPem(Path directory) {
    try {
      return Files.writeString(
          Files.createTempFile(directory, "apple-root", ".pem"),
          pem(root),
          StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Signs a payload as the App Store does. */
  public String sign(JsonObject payload) {
    return sign(new JWSHeader.Builder(JWSAlgorithm.ES256).x509CertChain(x5c()).build(), payload);
  }

  /** Signs with the leaf's key under any header (to test what the header may not say). */
  public String sign(JWSHeader header, JsonObject payload) {
    try {
      JWSObject jws = new JWSObject(header, new Payload(payload.toString()));
      jws.sign(new ECDSASigner(leafKey));
      return jws.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The webhook body the App Store posts. */
  public static String webhookBody(String signedPayload) {
    return Json.createObjectBuilder().add("signedPayload", signedPayload).build().toString();
  }

  /** A notification's claims; {@code subtype} may be null. */
  public static JsonObjectBuilder notification(
      String type, String subtype, Instant signedDate, JsonObjectBuilder data) {
    JsonObjectBuilder notification =
        Json.createObjectBuilder()
            .add("notificationType", type)
            .add("notificationUUID", UUID.randomUUID().toString())
            .add("version", "2.0")
            .add("signedDate", signedDate.toEpochMilli())
            .add("data", data);
    if (subtype != null) {
      notification.add("subtype", subtype);
    }
    return notification;
  }

  /** A notification's {@code data} block; add the signed transaction and renewal info to it. */
  public static JsonObjectBuilder data(String bundleId) {
    return Json.createObjectBuilder()
        .add("appAppleId", 1_234_567_890L)
        .add("bundleId", bundleId)
        .add("bundleVersion", "42")
        .add("environment", "Production")
        .add("status", 1);
  }

  /** An auto-renewable subscription transaction's claims. */
  public static JsonObjectBuilder transaction(
      String bundleId,
      String originalTransactionId,
      String productId,
      Instant signedDate,
      Instant expiresDate) {
    return Json.createObjectBuilder()
        .add("transactionId", originalTransactionId + "-" + signedDate.toEpochMilli())
        .add("originalTransactionId", originalTransactionId)
        .add("bundleId", bundleId)
        .add("productId", productId)
        .add("purchaseDate", signedDate.toEpochMilli())
        .add("originalPurchaseDate", signedDate.toEpochMilli())
        .add("expiresDate", expiresDate.toEpochMilli())
        .add("type", "Auto-Renewable Subscription")
        .add("inAppOwnershipType", "PURCHASED")
        .add("environment", "Production")
        .add("signedDate", signedDate.toEpochMilli());
  }

  /** Renewal info's claims. */
  public static JsonObjectBuilder renewalInfo(String originalTransactionId, Instant signedDate) {
    return Json.createObjectBuilder()
        .add("originalTransactionId", originalTransactionId)
        .add("autoRenewStatus", 1)
        .add("environment", "Production")
        .add("signedDate", signedDate.toEpochMilli());
  }

  /** PEM text of certificates. */
  public static String pem(X509Certificate... certificates) {
    StringBuilder pem = new StringBuilder();
    for (X509Certificate certificate : certificates) {
      try {
        pem.append("-----BEGIN CERTIFICATE-----\n")
            .append(
                java.util.Base64.getMimeEncoder(64, new byte[] {'\n'})
                    .encodeToString(certificate.getEncoded()))
            .append("\n-----END CERTIFICATE-----\n");
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException(e);
      }
    }
    return pem.toString();
  }

  private static KeyPair ecKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp256r1"));
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate certificate(
      X500Name issuer,
      X500Name subject,
      KeyPair issuerKeys,
      KeyPair subjectKeys,
      Instant notBefore,
      Instant notAfter,
      boolean ca,
      List<String> markers) {
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              issuer,
              BigInteger.valueOf(SERIALS.getAndIncrement()),
              Date.from(notBefore),
              Date.from(notAfter),
              subject,
              subjectKeys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      builder.addExtension(
          Extension.keyUsage,
          true,
          new KeyUsage(ca ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
      for (String marker : markers) {
        builder.addExtension(new ASN1ObjectIdentifier(marker), false, DERNull.INSTANCE);
      }
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
