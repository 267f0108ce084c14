package app.huberman.adapters.monitoring.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The Maven project version and the git commit this module was built from, as {@code
 * build-info.properties} (written at build time by this module's pom) says; {@code unknown} for
 * what it does not say, e.g. the commit of a build outside a git checkout without {@code
 * GIT_COMMIT}.
 */
public record BuildInfo(String version, String commit) {

  public static final String UNKNOWN = "unknown";
  static final String RESOURCE = "build-info.properties";

  public BuildInfo {
    version = known(version);
    commit = known(commit);
  }

  /** This module's build-info.properties, or unknown for both when it is missing. */
  public static BuildInfo current() {
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      return from(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static BuildInfo from(InputStream in) throws IOException {
    Properties properties = new Properties();
    if (in != null) {
      properties.load(in);
    }
    return new BuildInfo(properties.getProperty("version"), properties.getProperty("commit"));
  }

  /** Blank, or a placeholder the build left unreplaced ({@code ${...}}), is unknown. */
  private static String known(String value) {
    if (value == null || value.isBlank() || value.contains("${")) {
      return UNKNOWN;
    }
    return value.strip();
  }
}
