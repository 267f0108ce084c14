package app.huberman.adapters.payments.stripe;

import app.huberman.application.subscription.port.in.InvalidNotificationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature: {@code Stripe-Signature: t=<unix seconds>,v1=<hex>[,v1=<hex>...]},
 * where each {@code v1} is an HMAC-SHA256 of {@code t + "." + body} under an endpoint secret.
 * Several {@code v1} appear while a secret is being rolled, so any one matching is enough.
 */
final class StripeSignature {

  private static final String ALGORITHM = "HmacSHA256";
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] secret;
  private final Duration tolerance;

  StripeSignature(String secret, Duration tolerance) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.tolerance = tolerance;
  }

  /**
   * @throws InvalidNotificationException unless one signature matches and the timestamp is within
   *     the tolerance of {@code now}
   */
  void check(String header, byte[] body, Instant now) {
    Parsed parsed = parse(header);
    // Compared as seconds: a timestamp outside Instant's range must be refused, not thrown on.
    long earliest = now.getEpochSecond() - tolerance.toSeconds();
    long latest = now.getEpochSecond() + tolerance.toSeconds();
    if (parsed.timestamp() < earliest || parsed.timestamp() > latest) {
      throw new InvalidNotificationException("The Stripe signature timestamp is outside tolerance");
    }
    byte[] expected = hmac(parsed.timestamp(), body);
    boolean matches = false;
    for (byte[] candidate : parsed.signatures()) {
      // No early exit: every candidate is compared in constant time.
      matches |= MessageDigest.isEqual(expected, candidate);
    }
    if (!matches) {
      throw new InvalidNotificationException("No Stripe signature matches");
    }
  }

  private byte[] hmac(long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret, ALGORITHM));
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return mac.doFinal(body);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }

  private static Parsed parse(String header) {
    Long timestamp = null;
    List<byte[]> signatures = new ArrayList<>();
    for (String element : header.split(",", -1)) {
      int equals = element.indexOf('=');
      if (equals < 0) {
        continue;
      }
      String key = element.substring(0, equals).strip();
      String value = element.substring(equals + 1).strip();
      if (key.equals("t")) {
        timestamp = parseTimestamp(value);
      } else if (key.equals("v1")) {
        parseHex(value, signatures);
      }
    }
    if (timestamp == null) {
      throw new InvalidNotificationException("The Stripe-Signature header has no timestamp");
    }
    if (signatures.isEmpty()) {
      throw new InvalidNotificationException("The Stripe-Signature header has no v1 signature");
    }
    return new Parsed(timestamp, signatures);
  }

  private static long parseTimestamp(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidNotificationException("The Stripe signature timestamp is not a number", e);
    }
  }

  /** Keeps well-formed signatures; a malformed one simply cannot match. */
  private static void parseHex(String value, List<byte[]> into) {
    try {
      into.add(HEX.parseHex(value.toLowerCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      // ignored: not a signature we could have produced
    }
  }

  private record Parsed(long timestamp, List<byte[]> signatures) {}
}
