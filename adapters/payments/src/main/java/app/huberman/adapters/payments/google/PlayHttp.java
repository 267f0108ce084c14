package app.huberman.adapters.payments.google;

import app.huberman.application.shared.ProviderUnavailableException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** One HTTP exchange with Google; a failure to get an answer at all is worth retrying. */
final class PlayHttp {

  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient client;

  PlayHttp(HttpClient client) {
    this.client = client;
  }

  static PlayHttp create() {
    return new PlayHttp(
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build());
  }

  /**
   * @param what names the endpoint in error messages (never the URL: it may carry a token)
   */
  HttpResponse<String> send(HttpRequest request, String what) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ProviderUnavailableException(what + " cannot be reached", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderUnavailableException("Interrupted while calling " + what, e);
    }
  }

  /** Whether a status means "try again later": rate limited or a server error. */
  static boolean isTransient(int status) {
    return status == 429 || status >= 500;
  }
}
