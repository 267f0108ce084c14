package app.huberman.adapters.push.apns;

import java.util.Objects;
import java.util.Optional;

/**
 * How to reach APNs with token-based authentication.
 *
 * @param keyId the signing key's id (APNS_KEY_ID)
 * @param teamId the developer team's id (APNS_TEAM_ID)
 * @param privateKeyPem the signing key, the .p8 file's PKCS#8 PEM (APNS_PRIVATE_KEY_PEM)
 * @param topic the app's bundle id (APNS_TOPIC)
 * @param environment {@code production} or {@code development} (APNS_ENVIRONMENT), which names
 *     Apple's host
 * @param server {@code host:port} in place of Apple's (APNS_SERVER; tests only)
 * @param trustedCertificatePem the certificate the server must present, in place of the JDK's trust
 *     store (APNS_TRUSTED_CERTIFICATE_PEM; tests only)
 */
public record ApnsSettings(
    String keyId,
    String teamId,
    String privateKeyPem,
    String topic,
    Environment environment,
    Optional<String> server,
    Optional<String> trustedCertificatePem) {

  /** Apple's two push environments: apps from TestFlight and the App Store use production. */
  public enum Environment {
    PRODUCTION("api.push.apple.com"),
    DEVELOPMENT("api.sandbox.push.apple.com");

    private final String host;

    Environment(String host) {
      this.host = host;
    }

    public String host() {
      return host;
    }

    /** {@code production} or {@code development}, in any case. */
    public static Environment of(String name) {
      for (Environment environment : values()) {
        if (environment.name().equalsIgnoreCase(name.strip())) {
          return environment;
        }
      }
      throw new IllegalArgumentException(
          "APNS_ENVIRONMENT is production or development, not '" + name + "'");
    }
  }

  public ApnsSettings {
    keyId = required(keyId, "APNS_KEY_ID");
    teamId = required(teamId, "APNS_TEAM_ID");
    privateKeyPem = required(privateKeyPem, "APNS_PRIVATE_KEY_PEM");
    topic = required(topic, "APNS_TOPIC");
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(trustedCertificatePem, "trustedCertificatePem");
    server.ifPresent(ApnsSettings::checkServer);
  }

  String host() {
    return server.map(s -> s.substring(0, s.lastIndexOf(':'))).orElse(environment.host());
  }

  int port() {
    return server.map(s -> Integer.parseInt(s.substring(s.lastIndexOf(':') + 1))).orElse(443);
  }

  private static String required(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(name + " is empty");
    }
    return value.strip();
  }

  private static void checkServer(String server) {
    int colon = server.lastIndexOf(':');
    try {
      int port = Integer.parseInt(server.substring(colon + 1));
      if (colon < 1 || port < 1 || port > 65535) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("APNS_SERVER is host:port, not '" + server + "'");
    }
  }

  /** Never the key. */
  @Override
  public String toString() {
    return "ApnsSettings[keyId=" + keyId + ", teamId=" + teamId + ", topic=" + topic + "]";
  }
}
