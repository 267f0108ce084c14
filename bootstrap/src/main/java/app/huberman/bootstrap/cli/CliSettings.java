package app.huberman.bootstrap.cli;

import app.huberman.adapters.persistence.migration.PostgresServer;
import java.util.Map;

/**
 * What the CLI reads from the environment: the {@code DB_*} variables of the server (the README's
 * "Configuration" table), with the same defaults. Taken as a map so that tests need not touch the
 * process environment.
 */
record CliSettings(Map<String, String> environment) {

  CliSettings {
    environment = Map.copyOf(environment);
  }

  PostgresServer database() {
    String port = value("DB_PORT", "5432");
    int number;
    try {
      number = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new CliFailure("DB_PORT must be a port number, not '" + port + "'");
    }
    return new PostgresServer(
        value("DB_HOST", "127.0.0.1"),
        number,
        value("DB_DATABASE", "huberman"),
        value("DB_USERNAME", "postgres"),
        environment.getOrDefault("DB_PASSWORD", ""));
  }

  /** An empty variable counts as unset, as for the server. */
  String value(String name, String fallback) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? fallback : value.strip();
  }
}
