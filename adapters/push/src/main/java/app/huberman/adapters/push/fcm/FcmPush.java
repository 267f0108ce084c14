package app.huberman.adapters.push.fcm;

import app.huberman.adapters.push.PushText;
import app.huberman.application.subscription.port.out.PushMessage;
import app.huberman.application.subscription.port.out.PushResult;
import app.huberman.domain.user.DeviceToken;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pushes to Android and web devices through FCM's HTTP v1 API. FCM's answer decides the outcome: a
 * dead token ({@code UNREGISTERED}, {@code SENDER_ID_MISMATCH}, or an {@code INVALID_ARGUMENT}
 * about the token field) forgets the device; 429 and 5xx are retried no sooner than their {@code
 * Retry-After}; a 401 drops the cached OAuth token, and 403 (the project's permissions) is retried,
 * so a fixable configuration loses nothing; any other refusal is a problem with the push.
 */
public final class FcmPush {

  public static final String SERVICE = "fcm";

  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);
  private static final String FCM_ERROR = "type.googleapis.com/google.firebase.fcm.v1.FcmError";
  private static final String BAD_REQUEST = "type.googleapis.com/google.rpc.BadRequest";
  private static final Pattern ERROR_CODE = Pattern.compile("[A-Z_]{1,40}");

  private final FcmSettings settings;
  private final FcmAccessTokens tokens;
  private final HttpClient http;
  private final Clock clock;

  FcmPush(FcmSettings settings, FcmAccessTokens tokens, HttpClient http, Clock clock) {
    this.settings = settings;
    this.tokens = tokens;
    this.http = http;
    this.clock = clock;
  }

  public static FcmPush create(FcmSettings settings, FcmAccessTokens tokens, Clock clock) {
    return new FcmPush(
        settings,
        tokens,
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build(),
        clock);
  }

  /** One push, one answer within ten seconds. */
  public PushResult push(DeviceToken token, PushMessage message) {
    String accessToken;
    try {
      accessToken = tokens.token();
    } catch (RuntimeException e) {
      return PushResult.retryLater(SERVICE, "oauth", Optional.empty());
    }
    HttpRequest request =
        HttpRequest.newBuilder(settings.sendUrl())
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + accessToken)
            .header("Content-Type", "application/json; charset=UTF-8")
            .POST(HttpRequest.BodyPublishers.ofString(body(token, message)))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      return PushResult.retryLater(SERVICE, "unreachable", Optional.empty());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return PushResult.retryLater(SERVICE, "interrupted", Optional.empty());
    }
    return resultOf(response);
  }

  private PushResult resultOf(HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 200) {
      return PushResult.accepted(SERVICE);
    }
    FcmError error = FcmError.of(response.body(), status);
    if (error.code().equals("UNREGISTERED")
        || error.code().equals("SENDER_ID_MISMATCH")
        || (error.code().equals("INVALID_ARGUMENT") && error.aboutTheToken())) {
      return PushResult.tokenInvalid(SERVICE, error.code());
    }
    if (status == 401) {
      tokens.invalidate();
      return PushResult.retryLater(SERVICE, error.code(), Optional.empty());
    }
    if (status == 403 || status == 429 || status >= 500) {
      return PushResult.retryLater(
          SERVICE, error.code(), retryAfter(response.headers().firstValue("Retry-After")));
    }
    return PushResult.refused(SERVICE, error.code());
  }

  /** Seconds or an HTTP date, at most an hour; nothing for anything else. */
  Optional<Duration> retryAfter(Optional<String> header) {
    if (header.isEmpty()) {
      return Optional.empty();
    }
    String value = header.get().strip();
    Duration wait;
    try {
      wait = Duration.ofSeconds(Long.parseLong(value));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
        wait = Duration.between(clock.instant(), at.toInstant());
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
    if (wait.isNegative()) {
      return Optional.of(Duration.ZERO);
    }
    return Optional.of(wait.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : wait);
  }

  private static String body(DeviceToken token, PushMessage message) {
    PushText text = PushText.of(message);
    JsonObjectBuilder data = Json.createObjectBuilder();
    text.data().forEach(data::add);
    return Json.createObjectBuilder()
        .add(
            "message",
            Json.createObjectBuilder()
                .add("token", token.value())
                .add(
                    "notification",
                    Json.createObjectBuilder().add("title", text.title()).add("body", text.body()))
                .add("data", data)
                .add(
                    "android",
                    Json.createObjectBuilder()
                        .add("collapse_key", message.collapseKey())
                        .add("priority", "HIGH")))
        .build()
        .toString();
  }

  /**
   * FCM's error: its {@code errorCode} (or the API's {@code status}, or the HTTP status), and
   * whether a bad-request detail names the token.
   */
  private record FcmError(String code, boolean aboutTheToken) {

    static FcmError of(String body, int status) {
      String fallback = "HTTP" + status;
      try {
        JsonObject error =
            Json.createReader(new StringReader(body)).readObject().getJsonObject("error");
        if (error == null) {
          return new FcmError(fallback, false);
        }
        String code = error.getString("status", fallback);
        boolean aboutTheToken = false;
        JsonArray details = error.getJsonArray("details");
        for (JsonValue detail : details == null ? JsonValue.EMPTY_JSON_ARRAY : details) {
          if (!(detail instanceof JsonObject object)) {
            continue;
          }
          String type = object.getString("@type", "");
          if (type.equals(FCM_ERROR)) {
            code = object.getString("errorCode", code);
          } else if (type.equals(BAD_REQUEST)) {
            aboutTheToken |= namesTheToken(object.getJsonArray("fieldViolations"));
          }
        }
        return new FcmError(ERROR_CODE.matcher(code).matches() ? code : fallback, aboutTheToken);
      } catch (JsonException | ClassCastException | IllegalStateException e) {
        return new FcmError(fallback, false);
      }
    }

    private static boolean namesTheToken(JsonArray violations) {
      if (violations == null) {
        return false;
      }
      return violations.stream()
          .filter(JsonObject.class::isInstance)
          .map(JsonObject.class::cast)
          .anyMatch(violation -> "message.token".equals(violation.getString("field", "")));
    }
  }
}
