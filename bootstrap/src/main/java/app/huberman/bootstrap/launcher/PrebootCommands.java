package app.huberman.bootstrap.launcher;

import java.nio.file.Path;

/**
 * The asadmin commands Payara Micro runs before it boots ({@code --prebootcommandfile}): the HTTP
 * thread pool's size, a listener that reads the body of a {@code DELETE}, Payara's OpenAPI endpoint
 * off (the application serves its own document at {@code /openapi}), and the HTTP listener closed
 * until the application is deployed ({@link PostDeployCommands} opens it).
 */
final class PrebootCommands {

  /**
   * Grizzly answers {@code 400} with an empty body, before the application sees it, to a request
   * whose method defines no body (DELETE) but that has one, unless this is set. {@code DELETE
   * /api/v1/user} carries the password in a JSON body; HTTP/2 requests skip the check, so only
   * HTTP/1.1 clients (curl, nginx, most mobile stacks) were refused.
   */
  static final String ALLOW_DELETE_BODIES =
      "set configs.config.server-config.network-config.protocols.protocol.http-listener.http"
          + ".allow-payload-for-undefined-http-methods=true\n";

  /**
   * Payara's {@code /openapi} would answer instead of the application's {@code
   * OpenApiDocumentServlet}, with a document rebuilt from its model that drops what it cannot read.
   */
  static final String NO_PAYARA_OPENAPI = "set-openapi-configuration --enabled=false\n";

  /**
   * Payara opens its HTTP port seconds before the application is deployed and answers 404, then
   * 500, in between: a balancer without active health checks (nginx OSS, most Compose set-ups)
   * would send requests there. Closed, the port refuses connections, which every balancer retries
   * elsewhere.
   */
  static final String LISTENER_CLOSED =
      "set configs.config.server-config.network-config.network-listeners.network-listener"
          + ".http-listener.enabled=false\n";

  private PrebootCommands() {}

  /**
   * @param closeListenerUntilDeployed whether {@link PostDeployCommands} will open the listener
   */
  static String commands(HttpThreadPool pool, boolean closeListenerUntilDeployed) {
    return pool.prebootCommands()
        + ALLOW_DELETE_BODIES
        + NO_PAYARA_OPENAPI
        + (closeListenerUntilDeployed ? LISTENER_CLOSED : "");
  }

  static Path write(HttpThreadPool pool, boolean closeListenerUntilDeployed) {
    return TemporaryFiles.write(
        "huberman-preboot",
        ".asadmin",
        commands(pool, closeListenerUntilDeployed),
        "the pre-boot commands");
  }
}
