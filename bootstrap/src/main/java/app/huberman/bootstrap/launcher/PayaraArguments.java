package app.huberman.bootstrap.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Payara Micro's command line, derived from the environment variables the app documents. */
final class PayaraArguments {

  static final String DEFAULT_PORT = "8080";

  /**
   * On SIGTERM Payara keeps serving requests already in flight for this long before it stops; API
   * requests take milliseconds, and the 30 s a container gets to stop leave room for the rest.
   */
  static final String SHUTDOWN_GRACE_MILLIS = "3000";

  private PayaraArguments() {}

  /**
   * Whether the launcher may give Payara its own post-deploy commands, which open the HTTP listener
   * (Payara takes one file): not when the command line brings its own.
   */
  static boolean mayAddPostDeployCommands(List<String> extra) {
    return !extra.contains("--postdeploycommandfile") && !extra.contains("--postdeployCommandFile");
  }

  /**
   * @param postDeployCommands {@code null} when the command line brings its own
   */
  static List<String> from(
      Map<String, String> environment,
      Path loggingProperties,
      Path prebootCommands,
      Path postDeployCommands,
      List<String> extra) {
    List<String> arguments = new ArrayList<>();
    if (!extra.contains("--port")) {
      arguments.add("--port");
      arguments.add(port(environment.get("APP_PORT")));
    }
    if (!"true".equals(lower(environment.get("HAZELCAST_ENABLED")))) {
      // A single instance needs no data grid; instances share state through PostgreSQL and Redis.
      arguments.add("--nohazelcast");
    }
    if (!extra.contains("--logProperties") && !extra.contains("--logproperties")) {
      arguments.add("--logProperties");
      arguments.add(loggingProperties.toString());
    }
    if (!extra.contains("--shutdowngrace") && !extra.contains("--shutdownGrace")) {
      arguments.add("--shutdowngrace");
      arguments.add(SHUTDOWN_GRACE_MILLIS);
    }
    if (!extra.contains("--prebootcommandfile") && !extra.contains("--prebootCommandFile")) {
      arguments.add("--prebootcommandfile");
      arguments.add(prebootCommands.toString());
    }
    if (postDeployCommands != null) {
      arguments.add("--postdeploycommandfile");
      arguments.add(postDeployCommands.toString());
    }
    arguments.add("--disablephonehome");
    arguments.addAll(extra);
    return arguments;
  }

  static String port(String value) {
    if (value == null || value.isBlank()) {
      return DEFAULT_PORT;
    }
    String port = value.strip();
    try {
      int number = Integer.parseInt(port);
      if (number < 1 || number > 65_535) {
        throw new IllegalArgumentException("APP_PORT must be between 1 and 65535, not " + port);
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("APP_PORT must be a port number, not '" + port + "'", e);
    }
  }

  private static String lower(String value) {
    return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
  }
}
