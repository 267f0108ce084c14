package app.huberman.adapters.payments.apple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What App Store payloads are checked against.
 *
 * @param bundleId the app's bundle id (APPLE_BUNDLE_ID); payloads must name it, and notifications
 *     are refused while it is unset
 * @param trustAnchors the roots a signing chain must end in (APPLE_ROOT_CA_PEM, loaded with {@link
 *     #fromPem}): Apple Root CA - G3 in production, a test CA in tests. Not bundled here, so the
 *     trust decision stays with whoever deploys.
 */
public record AppleSettings(Optional<String> bundleId, List<X509Certificate> trustAnchors) {

  public AppleSettings {
    Objects.requireNonNull(bundleId, "bundleId");
    bundleId = bundleId.map(String::strip).filter(id -> !id.isEmpty());
    trustAnchors = List.copyOf(trustAnchors);
    if (trustAnchors.isEmpty()) {
      throw new IllegalArgumentException("App Store verification needs a trust anchor");
    }
  }

  /** Settings whose trust anchors are the certificates in a PEM file. */
  public static AppleSettings fromPem(Optional<String> bundleId, Path trustAnchorPem) {
    return new AppleSettings(bundleId, loadPem(trustAnchorPem));
  }

  /**
   * Reads every certificate of a PEM file (one or more {@code BEGIN CERTIFICATE} blocks).
   *
   * @throws UncheckedIOException when the file cannot be read
   * @throws IllegalArgumentException when it holds no certificate or something that is not one
   */
  public static List<X509Certificate> loadPem(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      List<X509Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
              .map(X509Certificate.class::cast)
              .toList();
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("No certificate in " + pem);
      }
      return certificates;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the trust anchors in " + pem, e);
    } catch (CertificateException e) {
      throw new IllegalArgumentException("Not a PEM certificate file: " + pem, e);
    }
  }

  @Override
  public String toString() {
    return "AppleSettings[bundleId="
        + bundleId.orElse("(unset)")
        + ", trustAnchors="
        + trustAnchors.stream().map(c -> c.getSubjectX500Principal().getName()).toList()
        + "]";
  }
}
