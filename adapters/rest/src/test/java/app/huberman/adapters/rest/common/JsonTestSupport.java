package app.huberman.adapters.rest.common;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;

/** Serialises with the API's own JSON settings and reads the result back as a tree. */
public final class JsonTestSupport {

  private JsonTestSupport() {}

  public static JsonObject toJsonObject(Object value) {
    try (JsonReader reader =
        Json.createReader(new StringReader(JsonConfiguration.create().toJson(value)))) {
      return reader.readObject();
    }
  }
}
