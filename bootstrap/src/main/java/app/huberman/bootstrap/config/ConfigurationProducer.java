package app.huberman.bootstrap.config;

import app.huberman.adapters.persistence.migration.PostgresServer;
import app.huberman.adapters.redis.RedisSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Turns the environment variables of ARCHITECTURE.md section 3 into typed settings. Defaults live
 * in {@code META-INF/microprofile-config.properties}; an empty variable counts as unset.
 */
@ApplicationScoped
public class ConfigurationProducer {

  private static Config config() {
    return ConfigProvider.getConfig();
  }

  static String text(String name, String fallback) {
    return config().getOptionalValue(name, String.class).orElse(fallback);
  }

  static int integer(String name, int fallback) {
    String value = text(name, Integer.toString(fallback)).strip();
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'", e);
    }
  }

  @Produces
  @Singleton
  public PostgresServer postgresServer() {
    return new PostgresServer(
        text("DB_HOST", "127.0.0.1"),
        integer("DB_PORT", 5432),
        text("DB_DATABASE", "huberman"),
        text("DB_USERNAME", "postgres"),
        text("DB_PASSWORD", ""));
  }

  @Produces
  @Singleton
  public RedisSettings redisSettings() {
    return new RedisSettings(
        text("REDIS_HOST", "127.0.0.1"), integer("REDIS_PORT", 6379), text("REDIS_PASSWORD", ""));
  }

  @Produces
  @Singleton
  public AppEnvironment environment() {
    return AppEnvironment.parse(text("APP_ENV", "local"));
  }

  /** Every service reads time from this clock, never from the system directly. */
  @Produces
  @Singleton
  public Clock clock() {
    return Clock.systemUTC();
  }
}
