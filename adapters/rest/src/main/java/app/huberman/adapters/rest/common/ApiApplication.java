package app.huberman.adapters.rest.common;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/** Everything under {@code /api}; resources and providers are discovered from their annotations. */
@ApplicationPath("/api")
public class ApiApplication extends Application {

  @Override
  public Map<String, Object> getProperties() {
    // No generated WADL under /api: the API is documented in docs/, not by the server.
    return Map.of("jersey.config.server.wadl.disableWadl", true);
  }
}
