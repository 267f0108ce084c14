package app.huberman.adapters.payments.apple;

import static app.huberman.adapters.payments.JsonFields.epochMillis;

import app.huberman.adapters.payments.JsonFields;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.util.Base64;
import com.nimbusds.jose.util.X509CertChainUtils;
import jakarta.json.JsonObject;
import java.security.GeneralSecurityException;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Verifies one App Store JWS the way Apple prescribes: ES256, an {@code x5c} chain of leaf,
 * intermediate and root whose root is one we trust and whose path validates at the payload's own
 * {@code signedDate} (so an old notification retried later still verifies), Apple's marker
 * extensions on leaf and intermediate, and the signature under the leaf's key.
 */
final class AppleJwsVerifier {

  /** Marks a certificate Apple issued for signing App Store payloads. */
  static final String LEAF_MARKER_OID = "1.2.840.113635.100.6.11.1";

  /** Marks Apple's Worldwide Developer Relations intermediate. */
  static final String INTERMEDIATE_MARKER_OID = "1.2.840.113635.100.6.2.1";

  private static final int CHAIN_LENGTH = 3;

  private final List<X509Certificate> roots;
  private final Set<TrustAnchor> anchors;

  AppleJwsVerifier(List<X509Certificate> roots) {
    this.roots = List.copyOf(roots);
    this.anchors =
        roots.stream().map(root -> new TrustAnchor(root, null)).collect(Collectors.toSet());
  }

  /**
   * @param what names the payload in error messages
   * @return the verified payload
   * @throws InvalidNotificationException when it is not an authentic App Store payload
   */
  JsonObject verify(String jws, String what) {
    JWSObject object = parse(jws, what);
    JWSHeader header = object.getHeader();
    if (!JWSAlgorithm.ES256.equals(header.getAlgorithm())) {
      throw new InvalidNotificationException(what + " is not signed with ES256");
    }
    List<X509Certificate> chain = chain(header, what);
    JsonObject payload = JsonFields.parseObject(object.getPayload().toString());
    Instant signedDate =
        epochMillis(payload, "signedDate")
            .orElseThrow(() -> new InvalidNotificationException(what + " has no signedDate"));
    validatePath(chain, signedDate, what);
    checkSignature(object, chain.get(0), what);
    return payload;
  }

  private static JWSObject parse(String jws, String what) {
    try {
      return JWSObject.parse(jws);
    } catch (ParseException e) {
      throw new InvalidNotificationException(what + " is not a JWS", e);
    }
  }

  private static List<X509Certificate> chain(JWSHeader header, String what) {
    List<Base64> x5c = header.getX509CertChain();
    if (x5c == null || x5c.size() != CHAIN_LENGTH) {
      throw new InvalidNotificationException(what + " does not carry a three-certificate chain");
    }
    try {
      return X509CertChainUtils.parse(x5c);
    } catch (ParseException e) {
      throw new InvalidNotificationException(what + " carries an unreadable certificate", e);
    }
  }

  private void validatePath(List<X509Certificate> chain, Instant at, String what) {
    X509Certificate leaf = chain.get(0);
    X509Certificate intermediate = chain.get(1);
    if (!roots.contains(chain.get(2))) {
      throw new InvalidNotificationException(what + " is not signed under a trusted root");
    }
    if (leaf.getExtensionValue(LEAF_MARKER_OID) == null
        || intermediate.getExtensionValue(INTERMEDIATE_MARKER_OID) == null) {
      throw new InvalidNotificationException(what + " is not signed by an App Store certificate");
    }
    try {
      CertPath path =
          CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf, intermediate));
      PKIXParameters parameters = new PKIXParameters(anchors);
      parameters.setRevocationEnabled(false);
      parameters.setDate(Date.from(at));
      CertPathValidator.getInstance("PKIX").validate(path, parameters);
    } catch (CertPathValidatorException e) {
      throw new InvalidNotificationException(
          what + "'s certificate chain does not validate: " + e.getReason(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PKIX validation is not available", e);
    }
  }

  private static void checkSignature(JWSObject object, X509Certificate leaf, String what) {
    if (!(leaf.getPublicKey() instanceof ECPublicKey key)) {
      throw new InvalidNotificationException(what + "'s signing certificate has no EC key");
    }
    try {
      if (!object.verify(new ECDSAVerifier(key))) {
        throw new InvalidNotificationException(what + "'s signature does not match");
      }
    } catch (JOSEException e) {
      throw new InvalidNotificationException(what + "'s signature cannot be checked", e);
    }
  }
}
