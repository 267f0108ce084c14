package app.huberman.adapters.payments;

import app.huberman.application.shared.ProviderUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * One HTTP exchange with a provider's API (Google, Apple); a failure to get an answer at all is
 * worth retrying.
 */
public final class ProviderHttp {

  public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final HttpClient client;

  ProviderHttp(HttpClient client) {
    this.client = client;
  }

  public static ProviderHttp create() {
    return new ProviderHttp(
        HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build());
  }

  /**
   * @param what names the endpoint in error messages (never the URL: it may carry a token)
   */
  public HttpResponse<String> send(HttpRequest request, String what) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new ProviderUnavailableException(what + " cannot be reached", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ProviderUnavailableException("Interrupted while calling " + what, e);
    }
  }

  /**
   * @throws IllegalArgumentException when {@code url} is not an absolute http(s) URL
   */
  public static void requireHttp(URI url, String name) {
    Objects.requireNonNull(url, name);
    String scheme = url.getScheme();
    if (!url.isAbsolute()
        || url.getHost() == null
        || !(scheme.equals("https") || scheme.equals("http"))) {
      throw new IllegalArgumentException(name + " is not an http(s) URL: " + url);
    }
  }

  /** Whether a status means "try again later": rate limited or a server error. */
  public static boolean isTransient(int status) {
    return status == 429 || status >= 500;
  }
}
