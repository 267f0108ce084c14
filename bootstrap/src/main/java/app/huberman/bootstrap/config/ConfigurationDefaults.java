package app.huberman.bootstrap.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The default of each setting, as {@code META-INF/microprofile-config.properties} states it: the
 * one place defaults are written. MicroProfile Config reads the file inside the server; this reads
 * it for what runs without the server (the operator CLI), so that neither repeats a value. The
 * README's table, {@code .env.example} and {@code web.xml} quote the same values ({@code
 * ConfigurationDefaultsTest} holds them to it).
 */
public final class ConfigurationDefaults {

  static final String FILE = "META-INF/microprofile-config.properties";

  private static final Properties DEFAULTS = load();

  private ConfigurationDefaults() {}

  /**
   * @return the default of the setting; empty when the file gives it none
   */
  public static String of(String name) {
    return DEFAULTS.getProperty(name, "");
  }

  private static Properties load() {
    Properties defaults = new Properties();
    try (InputStream in = ConfigurationDefaults.class.getClassLoader().getResourceAsStream(FILE)) {
      if (in == null) {
        throw new IllegalStateException(FILE + " is missing from the class path");
      }
      defaults.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return defaults;
  }
}
