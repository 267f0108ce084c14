package app.huberman.adapters.rest.common;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Everything under {@code /api}; resources and providers are discovered from their annotations. */
@ApplicationPath("/api")
public class ApiApplication extends Application {}
