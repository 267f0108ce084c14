package app.huberman.application.subscription.port.in;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A webhook exactly as it arrived: the raw body (signatures cover the exact bytes) and the headers,
 * looked up without regard to case.
 */
public record WebhookRequest(byte[] body, Map<String, List<String>> headers) {

  public WebhookRequest {
    body = body.clone();
    TreeMap<String, List<String>> caseless = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach(
        (name, values) -> caseless.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    headers = java.util.Collections.unmodifiableMap(caseless);
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The first value of a header. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
