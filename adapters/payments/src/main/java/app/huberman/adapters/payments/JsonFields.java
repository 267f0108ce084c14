package app.huberman.adapters.payments;

import app.huberman.application.subscription.port.in.InvalidNotificationException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads provider JSON leniently about absence and strictly about shape: a missing or {@code null}
 * field is empty, a field of the wrong type means the payload is not what the provider sends, and
 * is refused with {@link InvalidNotificationException}. Providers add fields freely, so unknown
 * ones are ignored.
 */
public final class JsonFields {

  /** Looked up once: {@code Json.create...} looks the provider up again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final int CANONICAL_UUID_LENGTH = 36;

  private JsonFields() {}

  /** Parses a JSON object, refusing anything else. */
  public static JsonObject parseObject(String text) {
    JsonValue value;
    try (JsonReader reader = JSON.createReader(new StringReader(text))) {
      value = reader.readValue();
    } catch (JsonParsingException e) {
      throw new InvalidNotificationException("The payload is not well-formed JSON", e);
    } catch (RuntimeException e) {
      // JsonException, and the parser's own limits (Parsson throws a plain RuntimeException for
      // nesting deeper than org.eclipse.parsson.maxDepth): the text is in memory, so whatever the
      // reader throws is about the text.
      throw new InvalidNotificationException("The payload cannot be read as JSON", e);
    }
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      throw new InvalidNotificationException("The payload is not a JSON object");
    }
    return value.asJsonObject();
  }

  public static Optional<JsonValue> value(JsonObject object, String key) {
    JsonValue value = object.get(key);
    return value == null || value.getValueType() == JsonValue.ValueType.NULL
        ? Optional.empty()
        : Optional.of(value);
  }

  public static Optional<String> string(JsonObject object, String key) {
    return value(object, key).map(value -> asString(value, key));
  }

  public static String requiredString(JsonObject object, String key) {
    return string(object, key)
        .filter(text -> !text.isBlank())
        .orElseThrow(() -> new InvalidNotificationException("The payload has no " + key));
  }

  /** A whole number, also when the provider writes it as a string (Play's epoch millis). */
  public static Optional<Long> number(JsonObject object, String key) {
    return value(object, key)
        .map(
            value -> {
              try {
                return switch (value.getValueType()) {
                  case NUMBER -> ((JsonNumber) value).longValueExact();
                  case STRING -> Long.parseLong(((JsonString) value).getString().trim());
                  default -> throw wrongType(key);
                };
              } catch (ArithmeticException | NumberFormatException e) {
                throw new InvalidNotificationException(key + " is not a whole number", e);
              }
            });
  }

  public static Optional<Boolean> bool(JsonObject object, String key) {
    return value(object, key)
        .map(
            value ->
                switch (value.getValueType()) {
                  case TRUE -> true;
                  case FALSE -> false;
                  default -> throw wrongType(key);
                });
  }

  public static Optional<JsonObject> object(JsonObject object, String key) {
    return value(object, key)
        .map(
            value -> {
              if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw wrongType(key);
              }
              return value.asJsonObject();
            });
  }

  /** The objects of an array field; empty when the field is absent. */
  public static List<JsonObject> objects(JsonObject object, String key) {
    return value(object, key)
        .map(
            value -> {
              if (value.getValueType() != JsonValue.ValueType.ARRAY) {
                throw wrongType(key);
              }
              return value.asJsonArray().stream()
                  .map(
                      element -> {
                        if (element.getValueType() != JsonValue.ValueType.OBJECT) {
                          throw wrongType(key);
                        }
                        return element.asJsonObject();
                      })
                  .toList();
            })
        .orElse(List.of());
  }

  /** Epoch seconds (Stripe). */
  public static Optional<Instant> epochSeconds(JsonObject object, String key) {
    return number(object, key).map(Instant::ofEpochSecond);
  }

  /** Epoch milliseconds (App Store, Play). */
  public static Optional<Instant> epochMillis(JsonObject object, String key) {
    return number(object, key).map(Instant::ofEpochMilli);
  }

  /** An RFC 3339 timestamp (Play Developer API, Pub/Sub). */
  public static Optional<Instant> timestamp(JsonObject object, String key) {
    return string(object, key)
        .map(
            text -> {
              try {
                return Instant.parse(text);
              } catch (DateTimeParseException e) {
                throw new InvalidNotificationException(key + " is not an RFC 3339 time", e);
              }
            });
  }

  /**
   * The account token clients hand providers: our user's uuid. Anything else (a token from before
   * the uuid was used, a typo) ties the purchase to no account rather than failing the event.
   */
  public static Optional<UUID> accountToken(Optional<String> text) {
    return text.flatMap(
        value -> {
          String candidate = value.trim();
          if (candidate.length() != CANONICAL_UUID_LENGTH) {
            return Optional.empty();
          }
          try {
            return Optional.of(UUID.fromString(candidate));
          } catch (IllegalArgumentException e) {
            return Optional.empty();
          }
        });
  }

  private static String asString(JsonValue value, String key) {
    if (value.getValueType() != JsonValue.ValueType.STRING) {
      throw wrongType(key);
    }
    return ((JsonString) value).getString();
  }

  private static InvalidNotificationException wrongType(String key) {
    return new InvalidNotificationException(key + " has an unexpected type");
  }
}
