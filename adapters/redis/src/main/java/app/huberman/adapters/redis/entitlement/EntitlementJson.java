package app.huberman.adapters.redis.entitlement;

import app.huberman.domain.subscription.Entitlement;
import app.huberman.domain.subscription.PlanSlug;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * The stored form of a cached entitlement: a small JSON object an operator can read with {@code
 * redis-cli GET}, e.g. {@code {"v":1,"premium":true,"plan":"premium-monthly","features":["a"],
 * "expires_at":"2026-04-01T00:00:00Z"}} ({@code expires_at} left out when there is none). Written
 * by hand rather than by a Redisson codec so the form stays the same whatever the library's
 * version; {@code v} lets a later form be told apart, and anything unreadable counts as a miss.
 */
final class EntitlementJson {

  /** Looked up once: {@code Json.create...} looks the provider up again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  static final int VERSION = 1;

  private EntitlementJson() {}

  static String write(Entitlement entitlement) {
    JsonArrayBuilder features = JSON.createArrayBuilder();
    entitlement.features().forEach(features::add);
    JsonObjectBuilder json =
        JSON.createObjectBuilder()
            .add("v", VERSION)
            .add("premium", entitlement.premium())
            .add("plan", entitlement.plan().value())
            .add("features", features);
    entitlement.expiresAt().ifPresent(at -> json.add("expires_at", at.toString()));
    return json.build().toString();
  }

  /** The entitlement, or empty when the value is not one this version wrote. */
  static Optional<Entitlement> read(String stored) {
    try (JsonReader reader = JSON.createReader(new StringReader(stored))) {
      JsonObject json = reader.readObject();
      if (json.getInt("v", 0) != VERSION) {
        return Optional.empty();
      }
      List<String> features =
          json.getJsonArray("features").getValuesAs(JsonString.class).stream()
              .map(JsonString::getString)
              .toList();
      return Optional.of(
          new Entitlement(
              json.getBoolean("premium"),
              PlanSlug.of(json.getString("plan")),
              features,
              Optional.ofNullable(json.getString("expires_at", null)).map(Instant::parse)));
    } catch (JsonException // not JSON, or not an object
        // JSON-P reports a missing key by NullPointerException and a wrong type by
        // ClassCastException
        | ClassCastException
        | NullPointerException
        | IllegalArgumentException
        | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
