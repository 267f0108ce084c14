package app.huberman.adapters.rest.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the contract's JSON error answers, and the standard message for each status. */
public final class ErrorResponses {

  /** Seconds a client should wait before retrying when a dependency is down. */
  public static final int RETRY_AFTER_SECONDS = 5;

  private ErrorResponses() {}

  public static Response.ResponseBuilder error(int status, String message) {
    return Response.status(status)
        .type(MediaType.APPLICATION_JSON_TYPE)
        .entity(ErrorResponse.of(message));
  }

  /** 503 with {@code Retry-After}: a dependency is down, the client should try again shortly. */
  public static Response.ResponseBuilder unavailable() {
    return error(503, standardMessage(503))
        .header(jakarta.ws.rs.core.HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
  }

  /** The message a client sees for a status the server decided on its own. */
  public static String standardMessage(int status) {
    return switch (status) {
      case 400 -> "The request body is not valid JSON or has the wrong types.";
      case 401 -> "Unauthenticated.";
      case 403 -> "This action is not allowed.";
      case 404 -> "Not found.";
      case 405 -> "Method not allowed.";
      case 406 -> "This endpoint only answers with application/json.";
      case 409 -> "Another request changed the same data at the same moment. Try again.";
      case 413 -> "The request body is larger than 1 MiB.";
      case 415 -> "Send the request body as application/json.";
      case 429 -> "Too many requests.";
      case 503 -> "The service is temporarily unavailable. Try again shortly.";
      default -> status >= 500 ? "Internal server error." : "The request could not be handled.";
    };
  }
}
