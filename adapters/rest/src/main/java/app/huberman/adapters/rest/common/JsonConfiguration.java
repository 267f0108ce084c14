package app.huberman.adapters.rest.common;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyNamingStrategy;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * The API's JSON: snake_case keys, {@code null} written out (a client can tell "no value" from "not
 * sent"), ISO-8601 UTC timestamps (JSON-B's default for {@link java.time.Instant}).
 */
@Provider
public class JsonConfiguration implements ContextResolver<Jsonb> {

  private static final Jsonb JSONB = create();

  static Jsonb create() {
    return JsonbBuilder.create(
        new JsonbConfig()
            .withPropertyNamingStrategy(PropertyNamingStrategy.LOWER_CASE_WITH_UNDERSCORES)
            .withNullValues(true));
  }

  /** The API's JSON, for an answer serialised ahead of time (the plans). */
  public static Jsonb api() {
    return JSONB;
  }

  @Override
  public Jsonb getContext(Class<?> type) {
    return JSONB;
  }
}
