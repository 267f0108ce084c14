package app.huberman.bootstrap.config;

import app.huberman.adapters.cli.CliFailure;
import app.huberman.adapters.cli.CliSettings;
import app.huberman.adapters.persistence.migration.PostgresServer;
import java.util.Map;

/**
 * What the operator CLI reads from the environment: the {@code DB_*} variables of the server (the
 * README's "Configuration" table) and {@code QUEUE_WORKERS}, with the server's defaults ({@link
 * ConfigurationDefaults}). Read without MicroProfile Config, as the CLI runs without the server;
 * taken as a map so that tests need not touch the process environment. A value it cannot read is a
 * {@link CliFailure}: one line, exit status 1.
 */
public record CliEnvironment(Map<String, String> environment) implements CliSettings {

  public CliEnvironment {
    environment = Map.copyOf(environment);
  }

  public PostgresServer database() {
    String port = value("DB_PORT");
    int number;
    try {
      number = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new CliFailure("DB_PORT must be a port number, not '" + port + "'");
    }
    return new PostgresServer(
        value("DB_HOST"),
        number,
        value("DB_DATABASE"),
        value("DB_USERNAME"),
        environment.getOrDefault("DB_PASSWORD", ConfigurationDefaults.of("DB_PASSWORD")));
  }

  @Override
  public int queueWorkers() {
    String value = value("QUEUE_WORKERS");
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new CliFailure("QUEUE_WORKERS must be a whole number, not '" + value + "'");
    }
  }

  /** An empty variable counts as unset, as for the server. */
  private String value(String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? ConfigurationDefaults.of(name) : value.strip();
  }
}
