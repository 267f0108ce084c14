package app.huberman.adapters.payments.stripe;

import app.huberman.application.subscription.port.in.WebhookRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs test webhooks the way Stripe does, so tests exercise the real HMAC check. */
public final class StripeTestSignatures {

  private StripeTestSignatures() {}

  /** The hex {@code v1} signature of {@code body} sent at {@code at} under {@code secret}. */
  public static String v1(String secret, Instant at, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] signed =
          mac.doFinal((at.getEpochSecond() + "." + body).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(signed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A {@code Stripe-Signature} header value with one {@code v1} per secret. */
  public static String header(Instant at, String body, String... secrets) {
    StringBuilder header = new StringBuilder("t=").append(at.getEpochSecond());
    for (String secret : secrets) {
      header.append(",v1=").append(v1(secret, at, body));
    }
    return header.toString();
  }

  /** A webhook request as Stripe would send it. */
  public static WebhookRequest request(String body, String signatureHeader) {
    return new WebhookRequest(
        body.getBytes(StandardCharsets.UTF_8),
        Map.of(
            "Content-Type", List.of("application/json"),
            "Stripe-Signature", List.of(signatureHeader)));
  }
}
