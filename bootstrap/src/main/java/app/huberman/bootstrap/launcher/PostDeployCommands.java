package app.huberman.bootstrap.launcher;

import java.nio.file.Path;

/**
 * The asadmin commands Payara Micro runs once the application is deployed ({@code
 * --postdeploycommandfile}): the HTTP listener, closed since boot ({@link PrebootCommands}), opens.
 * Requests that arrive before the instance can serve (its schema not yet migrated) still get 503
 * from the application's own gate.
 */
final class PostDeployCommands {

  static final String LISTENER_OPEN =
      "set configs.config.server-config.network-config.network-listeners.network-listener"
          + ".http-listener.enabled=true\n";

  private PostDeployCommands() {}

  static Path write() {
    return TemporaryFiles.write(
        "huberman-postdeploy", ".asadmin", LISTENER_OPEN, "the post-deploy commands");
  }
}
