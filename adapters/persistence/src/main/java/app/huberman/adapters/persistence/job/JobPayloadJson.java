package app.huberman.adapters.persistence.job;

import app.huberman.domain.job.JobPayload;
import app.huberman.domain.job.PermanentJobFailure;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;

/** A payload as stored in the {@code payload} column: {@code {"version": 1, "data": {...}}}. */
final class JobPayloadJson {

  /** Looked up once: {@code Json.create...} looks the provider up again on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private JobPayloadJson() {}

  static String write(JobPayload payload) {
    JsonObjectBuilder data = JSON.createObjectBuilder();
    payload.data().forEach(data::add);
    return JSON.createObjectBuilder()
        .add("version", payload.version())
        .add("data", data)
        .build()
        .toString();
  }

  /** A stored payload that cannot be read will never be readable: a permanent failure. */
  static JobPayload read(String json) {
    try (JsonReader reader = JSON.createReader(new StringReader(json))) {
      JsonObject stored = reader.readObject();
      Map<String, String> data = new LinkedHashMap<>();
      for (Map.Entry<String, JsonValue> field : stored.getJsonObject("data").entrySet()) {
        data.put(field.getKey(), ((JsonString) field.getValue()).getString());
      }
      return JobPayload.of(stored.getInt("version"), data);
    } catch (JsonException | ClassCastException | NullPointerException e) {
      throw new PermanentJobFailure("The stored payload is not readable", e);
    }
  }
}
