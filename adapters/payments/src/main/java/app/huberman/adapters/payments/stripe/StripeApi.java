package app.huberman.adapters.payments.stripe;

import app.huberman.adapters.payments.JsonFields;
import app.huberman.adapters.payments.ProviderHttp;
import app.huberman.application.shared.ProviderUnavailableException;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;

/**
 * POSTs to Stripe's API: form-encoded parameters, the secret key as a bearer token, and an
 * idempotency key that every retry of the call reuses, so a retry never creates a second object.
 * Network failures, 429 and 5xx are retried with backoff, as Stripe's own libraries do, honouring
 * {@code Stripe-Should-Retry} and {@code Retry-After}; other refusals are not.
 */
final class StripeApi {

  /** Tries per call: the first and two retries, within a mobile client's patience. */
  static final int ATTEMPTS = 3;

  static final Duration FIRST_BACKOFF = Duration.ofMillis(500);

  /** The longest wait for a retry, whatever {@code Retry-After} asks. */
  static final Duration LONGEST_BACKOFF = Duration.ofSeconds(5);

  /** Waits between tries; tests pass one that does not. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** Stripe refused a call; {@code error} is its {@code error} object, when it sent one. */
  static final class StripeRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String param;

    StripeRefusal(int status, Optional<JsonObject> error, String requestId, String what) {
      super(
          what
              + " was refused: HTTP "
              + status
              + error
                  .map(
                      e ->
                          " "
                              + JsonFields.string(e, "type").orElse("")
                              + "/"
                              + JsonFields.string(e, "code").orElse("")
                              + ": "
                              + JsonFields.string(e, "message").orElse(""))
                  .orElse("")
              + " (request "
              + requestId
              + ")");
      this.status = status;
      this.code = error.flatMap(e -> JsonFields.string(e, "code")).orElse("");
      this.param = error.flatMap(e -> JsonFields.string(e, "param")).orElse("");
    }

    /** Stripe does not know the object this parameter names ({@code resource_missing}). */
    boolean isMissing(String parameter) {
      return code.equals("resource_missing") && param.equals(parameter);
    }

    int status() {
      return status;
    }
  }

  private final ProviderHttp http;
  private final StripeApiSettings settings;
  private final Sleeper sleeper;

  StripeApi(ProviderHttp http, StripeApiSettings settings, Sleeper sleeper) {
    this.http = http;
    this.settings = settings;
    this.sleeper = sleeper;
  }

  /**
   * @param what names the call in messages and logs
   * @throws StripeRefusal when Stripe refuses the call for a reason retrying does not change
   * @throws ProviderUnavailableException when Stripe is not configured, refuses our key, or does
   *     not answer within {@link #ATTEMPTS}
   */
  JsonObject post(String path, Map<String, String> form, String idempotencyKey, String what) {
    String key =
        settings
            .secretKey()
            .orElseThrow(
                () -> new ProviderUnavailableException("STRIPE_SECRET_KEY is not set: " + what));
    HttpRequest request =
        HttpRequest.newBuilder(endpoint(path))
            .timeout(ProviderHttp.REQUEST_TIMEOUT)
            .header("Authorization", "Bearer " + key)
            .header("Idempotency-Key", idempotencyKey)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
            .build();
    ProviderUnavailableException lastFailure = null;
    Optional<Duration> askedToWait = Optional.empty();
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (attempt > 1) {
        pause(attempt, askedToWait);
      }
      HttpResponse<String> response;
      try {
        response = http.send(request, "The Stripe API (" + what + ")");
      } catch (ProviderUnavailableException unreachable) {
        lastFailure = unreachable;
        askedToWait = Optional.empty();
        continue;
      }
      int status = response.statusCode();
      if (status >= 200 && status < 300) {
        return body(response, what);
      }
      String requestId = response.headers().firstValue("Request-Id").orElse("unknown");
      Optional<JsonObject> error = error(response);
      if (status == 401 || status == 403) {
        throw new ProviderUnavailableException(
            "The Stripe API refused our key (HTTP " + status + ", request " + requestId + ")");
      }
      if (!shouldRetry(response)) {
        throw new StripeRefusal(status, error, requestId, "The Stripe API (" + what + ")");
      }
      lastFailure =
          new ProviderUnavailableException(
              "The Stripe API ("
                  + what
                  + ") answered HTTP "
                  + status
                  + " (request "
                  + requestId
                  + ")");
      askedToWait = retryAfter(response);
    }
    throw lastFailure;
  }

  private URI endpoint(String path) {
    return URI.create(settings.apiUrl().toString().replaceAll("/+$", "") + path);
  }

  /**
   * Stripe's header decides when it is sent; otherwise rate limits and server errors are retried.
   */
  private static boolean shouldRetry(HttpResponse<String> response) {
    Optional<String> stripeSays = response.headers().firstValue("Stripe-Should-Retry");
    if (stripeSays.isPresent()) {
      return Boolean.parseBoolean(stripeSays.get().strip());
    }
    return ProviderHttp.isTransient(response.statusCode());
  }

  private static Optional<Duration> retryAfter(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Retry-After")
        .flatMap(
            value -> {
              try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.strip())));
              } catch (NumberFormatException notSeconds) {
                return Optional.empty();
              }
            });
  }

  /** Exponential with jitter (500 ms, then 1 s, each up to half again), or what Stripe asks. */
  private void pause(int attempt, Optional<Duration> askedToWait) {
    Duration backoff = FIRST_BACKOFF.multipliedBy(1L << (attempt - 2));
    backoff = backoff.plusMillis(ThreadLocalRandom.current().nextLong(backoff.toMillis() / 2 + 1));
    if (askedToWait.isPresent()) {
      backoff = askedToWait.get();
    }
    if (backoff.compareTo(LONGEST_BACKOFF) > 0) {
      backoff = LONGEST_BACKOFF;
    }
    try {
      sleeper.sleep(backoff);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderUnavailableException("Interrupted while waiting to retry Stripe", e);
    }
  }

  private static JsonObject body(HttpResponse<String> response, String what) {
    try {
      return JsonFields.parseObject(response.body());
    } catch (InvalidNotificationException e) {
      throw new ProviderUnavailableException(
          "The Stripe API's answer (" + what + ") cannot be read", e);
    }
  }

  private static Optional<JsonObject> error(HttpResponse<String> response) {
    try {
      return JsonFields.object(JsonFields.parseObject(response.body()), "error");
    } catch (InvalidNotificationException notJson) {
      return Optional.empty();
    }
  }

  static String encode(Map<String, String> form) {
    StringJoiner body = new StringJoiner("&");
    form.forEach(
        (name, value) ->
            body.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return body.toString();
  }
}
