package app.huberman.adapters.push.apns;

import com.eatthepath.pushy.apns.server.MockApnsServer;
import com.eatthepath.pushy.apns.server.MockApnsServerBuilder;
import com.eatthepath.pushy.apns.server.MockApnsServerListener;
import com.eatthepath.pushy.apns.server.RejectedNotificationException;
import com.eatthepath.pushy.apns.server.RejectionReason;
import com.eatthepath.pushy.apns.server.UnregisteredDeviceTokenException;
import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http2.Http2Headers;
import java.math.BigInteger;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Apple's push service on 127.0.0.1, as Pushy's mock server plays it: TLS with a certificate made
 * for the test, HTTP/2, and an answer per push. It accepts every push unless a test scripted
 * refusals for a token, and records what it accepted. The signing key and ids it hands out are made
 * for the test too; the mock server does not check provider tokens.
 */
public final class FakeApns implements AutoCloseable {

  public static final String TOPIC = "app.huberman.ios";
  public static final String KEY_ID = "TESTKEY123";
  public static final String TEAM_ID = "TESTTEAM99";

  /** An accepted push: the device token and the JSON payload. */
  public record Accepted(String token, String payload) {}

  private final MockApnsServer server;
  private final int port;
  private final String certificatePem;
  private final String signingKeyPem;
  private final List<Accepted> accepted = new ArrayList<>();
  private final Map<String, Deque<RejectionReason>> refusals = new HashMap<>();

  private FakeApns(KeyPair serverKeys, X509Certificate certificate, String signingKeyPem)
      throws Exception {
    this.certificatePem = pem("CERTIFICATE", certificate.getEncoded());
    this.signingKeyPem = signingKeyPem;
    this.server =
        new MockApnsServerBuilder()
            .setServerCredentials(
                new X509Certificate[] {certificate}, serverKeys.getPrivate(), null)
            .setHandlerFactory(session -> this::handle)
            .setListener(new Recorder())
            .build();
    this.port = startOnAFreePort();
  }

  public static FakeApns start() {
    try {
      KeyPair serverKeys = ecKeys();
      return new FakeApns(
          serverKeys,
          selfSigned(serverKeys),
          pem("PRIVATE KEY", ecKeys().getPrivate().getEncoded()));
    } catch (Exception e) {
      throw new IllegalStateException("Cannot start the fake APNs", e);
    }
  }

  /** The settings that point a client here. */
  public ApnsSettings settings() {
    return new ApnsSettings(
        KEY_ID,
        TEAM_ID,
        signingKeyPem,
        TOPIC,
        ApnsSettings.Environment.DEVELOPMENT,
        Optional.of(server()),
        Optional.of(certificatePem));
  }

  /** {@code 127.0.0.1:<port>} (APNS_SERVER). */
  public String server() {
    return "127.0.0.1:" + port;
  }

  /** The certificate the server presents (APNS_TRUSTED_CERTIFICATE_PEM). */
  public String certificatePem() {
    return certificatePem;
  }

  /** A signing key Apple would have issued (APNS_PRIVATE_KEY_PEM). */
  public String signingKeyPem() {
    return signingKeyPem;
  }

  /** The next pushes to this token are refused for these reasons, in order. */
  public synchronized FakeApns refuse(String token, RejectionReason... reasons) {
    refusals.computeIfAbsent(token, t -> new ArrayDeque<>()).addAll(List.of(reasons));
    return this;
  }

  /** Every push to this token is refused: the app was removed from the device. */
  public synchronized FakeApns unregister(String token) {
    refusals.computeIfAbsent(token, t -> new ArrayDeque<>()).add(RejectionReason.UNREGISTERED);
    return this;
  }

  public synchronized List<Accepted> accepted() {
    return List.copyOf(accepted);
  }

  /** How many pushes reached the server, accepted or not. */
  public synchronized int received() {
    return accepted.size() + rejected;
  }

  private int rejected;

  private synchronized void handle(Http2Headers headers, ByteBuf payload)
      throws RejectedNotificationException {
    String token = tokenOf(headers);
    Deque<RejectionReason> queued = refusals.get(token);
    RejectionReason reason = queued == null ? null : queued.pollFirst();
    if (reason == null) {
      return;
    }
    rejected++;
    if (reason == RejectionReason.UNREGISTERED) {
      queued.addFirst(reason); // stays unregistered
      throw new UnregisteredDeviceTokenException(Instant.now());
    }
    throw new RejectedNotificationException(reason);
  }

  private static String tokenOf(Http2Headers headers) {
    String path = headers.path().toString();
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private final class Recorder implements MockApnsServerListener {
    @Override
    public void handlePushNotificationAccepted(Http2Headers headers, ByteBuf payload) {
      synchronized (FakeApns.this) {
        accepted.add(new Accepted(tokenOf(headers), payload.toString(StandardCharsets.UTF_8)));
      }
    }

    @Override
    public void handlePushNotificationRejected(
        Http2Headers headers, ByteBuf payload, RejectionReason reason, Instant timestamp) {}
  }

  @Override
  public void close() {
    try {
      server.shutdown().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("The fake APNs did not stop", e);
    }
  }

  private int startOnAFreePort() throws Exception {
    int free;
    try (ServerSocket probe = new ServerSocket(0)) {
      free = probe.getLocalPort();
    }
    server.start(free).get(10, TimeUnit.SECONDS);
    return free;
  }

  private static KeyPair ecKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static X509Certificate selfSigned(KeyPair keys) throws Exception {
    X500Name name = new X500Name("CN=127.0.0.1");
    Instant now = Instant.now();
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            name,
            BigInteger.valueOf(now.toEpochMilli()),
            Date.from(now.minus(Duration.ofHours(1))),
            Date.from(now.plus(Duration.ofDays(2))),
            name,
            keys.getPublic());
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
              new GeneralName(GeneralName.dNSName, "localhost")
            }));
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
  }

  /** DER bytes as PEM text of this type. */
  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
