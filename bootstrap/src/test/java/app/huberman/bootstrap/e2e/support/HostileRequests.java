package app.huberman.bootstrap.e2e.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an attacker or a broken client sends: every endpoint of the API, each with malformed,
 * truncated, deeply nested, huge-number, wrong-type and wrong-encoding bodies, and with hostile
 * headers; a body that is not JSON or over 1 MiB. None of them may get a 5xx, an empty body or
 * anything but JSON.
 */
public final class HostileRequests {

  /** One request: method, path, headers and body (null: none). */
  public record Request(String method, String path, Map<String, String> headers, byte[] body) {

    @Override
    public String toString() {
      String shown =
          body == null
              ? "(no body)"
              : new String(body, 0, Math.min(body.length, 60), StandardCharsets.UTF_8);
      return method + " " + path + " " + headers.keySet() + " " + shown;
    }
  }

  /** Method and path of every endpoint under {@code /api/v1}. */
  public static final List<List<String>> ENDPOINTS =
      List.of(
          List.of("GET", "/api/v1/ping"),
          List.of("GET", "/api/v1/plans"),
          List.of("POST", "/api/v1/register"),
          List.of("POST", "/api/v1/login"),
          List.of("POST", "/api/v1/forgot-password"),
          List.of("POST", "/api/v1/reset-password"),
          List.of("GET", "/api/v1/user/profile"),
          List.of("PUT", "/api/v1/user/profile"),
          List.of("DELETE", "/api/v1/user"),
          List.of("POST", "/api/v1/user/devices"),
          List.of("GET", "/api/v1/user/devices"),
          List.of("DELETE", "/api/v1/user/devices/1"),
          List.of("DELETE", "/api/v1/user/devices/not-a-number"),
          List.of("GET", "/api/v1/user/subscription"),
          List.of("GET", "/api/v1/user/entitlements"),
          List.of("GET", "/api/v1/user/notification-preferences"),
          List.of("PUT", "/api/v1/user/notification-preferences"),
          List.of("POST", "/api/v1/subscriptions/apple/verify"),
          List.of("POST", "/api/v1/subscriptions/google/verify"),
          List.of("POST", "/api/v1/subscriptions/stripe/checkout"),
          List.of("POST", "/api/v1/subscriptions/stripe/portal"),
          List.of("POST", "/api/v1/webhooks/stripe"),
          List.of("POST", "/api/v1/webhooks/apple"),
          List.of("POST", "/api/v1/webhooks/google"),
          List.of("GET", "/api/v1/admin/queue"),
          List.of("GET", "/api/v1/admin/failed-jobs"),
          List.of("POST", "/api/v1/admin/failed-jobs/retry-all"),
          List.of("POST", "/api/v1/admin/failed-jobs/not-a-uuid/retry"),
          List.of("DELETE", "/api/v1/admin/failed-jobs/00000000-0000-0000-0000-000000000000"),
          // Last: its first request signs the shared token out, and every later one would get 401.
          List.of("POST", "/api/v1/logout"));

  private HostileRequests() {}

  /** The bodies: none of them a request the API can act on. */
  public static List<byte[]> bodies() {
    List<String> texts =
        List.of(
            "",
            "{",
            "{\"email\":\"a@example.com\",\"password\":\"trunc",
            "null",
            "[]",
            "\"a string\"",
            "{\"email\":[],\"password\":{},\"name\":true,\"signed_transaction\":7}",
            "{\"email\":1e999999,\"password\":123456789012345678901234567890123456789,"
                + "\"price_cents\":-1e-999999}",
            "{\"signedPayload\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}",
            "{\"message\":" + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_001),
            "{\"name\":\"\\ud800\",\"email\":\"\\u0000@x\"}",
            "{\"a\":1,\"a\":2,\"a\":3}");
    List<byte[]> bodies = new ArrayList<>();
    texts.forEach(text -> bodies.add(text.getBytes(StandardCharsets.UTF_8)));
    // Not UTF-8 at all, though declared so.
    bodies.add(
        new byte[] {'{', '"', 'e', '"', ':', '"', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, '"', '}'});
    return bodies;
  }

  /** A JSON body just over the 1 MiB limit. */
  private static byte[] overOneMebibyte() {
    byte[] body = new byte[1024 * 1024 + 16];
    java.util.Arrays.fill(body, (byte) ' ');
    body[0] = '{';
    body[body.length - 1] = '}';
    return body;
  }

  /** Headers that must not break anything, each set on its own. */
  public static List<Map<String, String>> headers(String validToken) {
    return List.of(
        Map.of("Authorization", "Bearer " + "x".repeat(6_000)),
        Map.of("Authorization", "Bearer 99999999999999999999999|abc"),
        Map.of("Authorization", "Bearer 1|"),
        Map.of("Authorization", "Basic YWRtaW46YWRtaW4="),
        Map.of("Authorization", "Bearer " + validToken + "x"),
        Map.of("X-Request-Id", "\"}{\"level\":\"ERROR\"," + "x".repeat(300)),
        Map.of("X-Forwarded-For", "g:1, ::g, 999.1.1.1, localhost, " + "1.".repeat(200)),
        Map.of("Stripe-Signature", "t=99999999999999999999,v1=zz,v1=" + "a".repeat(4_000)),
        Map.of("Content-Type", "application/json; charset=klingon"),
        Map.of("Content-Type", "application/json; charset=utf-16"),
        Map.of("Accept", "text/html"),
        Map.of("If-None-Match", "\"" + "W/".repeat(500)));
  }

  /** Every endpoint with every body (signed in, as a client would), then with every header. */
  public static List<Request> all(String validToken) {
    List<Request> requests = new ArrayList<>();
    for (List<String> endpoint : ENDPOINTS) {
      String method = endpoint.get(0);
      String path = endpoint.get(1);
      boolean sendsBody = !method.equals("GET");
      for (byte[] body : bodies()) {
        requests.add(
            new Request(
                method,
                path,
                Map.of(
                    "Content-Type",
                    "application/json; charset=utf-8",
                    "Authorization",
                    "Bearer " + validToken),
                sendsBody ? body : null));
      }
      if (sendsBody) {
        // Signed in, so each endpoint's own 415 and 413 are reached, not a 401.
        requests.add(
            new Request(
                method,
                path,
                Map.of("Content-Type", "text/plain", "Authorization", "Bearer " + validToken),
                "{}".getBytes(StandardCharsets.UTF_8)));
        requests.add(
            new Request(
                method,
                path,
                Map.of("Content-Type", "application/json", "Authorization", "Bearer " + validToken),
                overOneMebibyte()));
      }
      for (Map<String, String> header : headers(validToken)) {
        Map<String, String> all = new java.util.HashMap<>(header);
        all.putIfAbsent("Content-Type", "application/json");
        requests.add(
            new Request(
                method, path, all, sendsBody ? "{}".getBytes(StandardCharsets.UTF_8) : null));
      }
    }
    return requests;
  }
}
