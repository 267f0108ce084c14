package app.huberman.adapters.rest.common;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** Serialises with the API's own JSON settings and reads the result back as a tree. */
public final class JsonTestSupport {

  private JsonTestSupport() {}

  public static JsonObject toJsonObject(Object value) {
    try (JsonReader reader = Json.createReader(new StringReader(toJson(value)))) {
      return reader.readObject();
    }
  }

  /** The JSON text the API would send, byte for byte. */
  public static String toJson(Object value) {
    return JsonConfiguration.create().toJson(value);
  }
}
