package app.huberman.adapters.rest.contract;

import app.huberman.adapters.rest.common.EntityTags;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The files of the browsable reference, read once from the class path: the page and its initializer
 * ({@value #OWN}) and the files of the Swagger UI WebJar that the page loads. A request names a
 * file, which is looked up in this fixed list and never resolved as a path: nothing outside the
 * list, and nothing outside the WebJar's folder, can be reached through it.
 */
final class ApiDocsFiles {

  static final String OWN = "META-INF/api-docs/";
  static final String WEBJAR_PROPERTIES = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

  private static final String HTML = "text/html;charset=UTF-8";
  private static final String CSS = "text/css;charset=UTF-8";
  private static final String JAVASCRIPT = "text/javascript;charset=UTF-8";
  private static final String PNG = "image/png";

  /** One file as it is served; the page has no tag: it is small, and always asked for again. */
  static final class File {
    private final String mediaType;
    private final byte[] body;
    private final Optional<String> tag;

    private File(String mediaType, byte[] body, Optional<String> tag) {
      this.mediaType = mediaType;
      this.body = body;
      this.tag = tag;
    }

    String mediaType() {
      return mediaType;
    }

    int length() {
      return body.length;
    }

    void writeTo(OutputStream out) throws IOException {
      out.write(body);
    }

    Optional<String> tag() {
      return tag;
    }

    boolean isPage() {
      return tag.isEmpty();
    }
  }

  private final File page;
  private final Map<String, File> byName;

  private ApiDocsFiles(File page, Map<String, File> byName) {
    this.page = page;
    this.byName = byName;
  }

  /**
   * Reads every file now.
   *
   * @throws IllegalStateException when one is missing (the WebJar is not on the class path)
   */
  static ApiDocsFiles load(ClassLoader loader) {
    String webjar = "META-INF/resources/webjars/swagger-ui/" + webjarVersion(loader) + "/";
    return new ApiDocsFiles(
        new File(HTML, read(loader, OWN + "index.html"), Optional.empty()),
        Map.of(
            "swagger-initializer.js", tagged(loader, OWN + "swagger-initializer.js", JAVASCRIPT),
            "swagger-ui-bundle.js", tagged(loader, webjar + "swagger-ui-bundle.js", JAVASCRIPT),
            "swagger-ui.css", tagged(loader, webjar + "swagger-ui.css", CSS),
            "index.css", tagged(loader, webjar + "index.css", CSS),
            "favicon-32x32.png", tagged(loader, webjar + "favicon-32x32.png", PNG),
            "favicon-16x16.png", tagged(loader, webjar + "favicon-16x16.png", PNG)));
  }

  /**
   * What a request's path info names: the page for none or {@code /}, a listed file for {@code
   * /name}; anything else is not there.
   */
  Optional<File> find(String pathInfo) {
    if (pathInfo == null || pathInfo.equals("/")) {
      return Optional.of(page);
    }
    return pathInfo.startsWith("/")
        ? Optional.ofNullable(byName.get(pathInfo.substring(1)))
        : Optional.empty();
  }

  private static String webjarVersion(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(WEBJAR_PROPERTIES)) {
      if (in == null) {
        throw new IllegalStateException(
            WEBJAR_PROPERTIES + " is missing: the swagger-ui WebJar is not in the application");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + WEBJAR_PROPERTIES, e);
    }
  }

  private static File tagged(ClassLoader loader, String resource, String mediaType) {
    byte[] body = read(loader, resource);
    return new File(mediaType, body, Optional.of(EntityTags.digest(body)));
  }

  private static byte[] read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the application");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + resource, e);
    }
  }
}
