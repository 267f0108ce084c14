package app.huberman.bootstrap.e2e.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The swagger-ui WebJar the application packages, as the tests find it on their class path. */
public final class SwaggerUiWebJar {

  private static final String PROPERTIES = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

  private SwaggerUiWebJar() {}

  /** Its version, which names its folder: {@code META-INF/resources/webjars/swagger-ui/<v>/}. */
  public static String version() {
    try (InputStream in = SwaggerUiWebJar.class.getClassLoader().getResourceAsStream(PROPERTIES)) {
      if (in == null) {
        throw new IllegalStateException(PROPERTIES + " is not on the test class path");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
