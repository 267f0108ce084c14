package app.huberman.adapters.rest.common;

import jakarta.json.bind.Jsonb;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON answers written by plain servlets (the error page, the webhook endpoint), in the same JSON
 * and with the same error bodies as the JAX-RS resources.
 */
public final class ServletAnswers {

  private static final Jsonb JSONB = JsonConfiguration.create();

  private ServletAnswers() {}

  /** The body as the API's JSON: for answers built once and written many times. */
  public static byte[] json(Object body) {
    return JSONB.toJson(body).getBytes(StandardCharsets.UTF_8);
  }

  /** A 2xx answer whose JSON is already made. */
  public static void write(HttpServletResponse response, int status, byte[] json)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setContentLength(json.length);
    response.getOutputStream().write(json);
  }

  /**
   * The contract's error body; a 503 also tells the client when to retry. Written as characters, as
   * an error page must be: the failed request may already have taken the response's writer.
   */
  public static void error(HttpServletResponse response, int status, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    if (status == 503) {
      response.setHeader("Retry-After", Integer.toString(ErrorResponses.RETRY_AFTER_SECONDS));
    }
    response.getWriter().write(JSONB.toJson(ErrorResponse.of(message)));
  }

  /** The contract's error body with the status's standard message. */
  public static void error(HttpServletResponse response, int status) throws IOException {
    error(response, status, ErrorResponses.standardMessage(status));
  }
}
