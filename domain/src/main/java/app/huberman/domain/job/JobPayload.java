package app.huberman.domain.job;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a job needs to do its work: a flat map of strings (ids, addresses, tokens), with the version
 * of its shape so a handler can still read jobs enqueued by an older release. Payloads may hold
 * secrets and are never logged.
 */
public record JobPayload(int version, Map<String, String> data) {

  public JobPayload {
    if (version < 1) {
      throw new IllegalArgumentException("A payload version starts at 1: " + version);
    }
    data = Map.copyOf(Objects.requireNonNull(data, "data"));
  }

  public static JobPayload of(int version, Map<String, String> data) {
    return new JobPayload(version, data);
  }

  public static JobPayload empty() {
    return new JobPayload(1, Map.of());
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(data.get(key));
  }

  /** The value a handler cannot work without. */
  public String require(String key) {
    String value = data.get(key);
    if (value == null) {
      throw new PermanentJobFailure("Payload v" + version + " lacks '" + key + "'");
    }
    return value;
  }

  @Override
  public String toString() {
    return "JobPayload[v" + version + ", keys=" + data.keySet() + "]";
  }
}
