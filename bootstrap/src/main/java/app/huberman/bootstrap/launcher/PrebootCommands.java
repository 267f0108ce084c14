package app.huberman.bootstrap.launcher;

import java.nio.file.Path;

/**
 * The asadmin commands Payara Micro runs before it boots ({@code --prebootcommandfile}): the HTTP
 * thread pool's size, a listener that reads the body of a {@code DELETE}, and Payara's OpenAPI
 * endpoint off (the application serves its own document at {@code /openapi}).
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

  private PrebootCommands() {}

  static String commands(HttpThreadPool pool) {
    return pool.prebootCommands() + ALLOW_DELETE_BODIES + NO_PAYARA_OPENAPI;
  }

  static Path write(HttpThreadPool pool) {
    return TemporaryFiles.write(
        "huberman-preboot", ".asadmin", commands(pool), "the pre-boot commands");
  }
}
