package app.huberman.adapters.payments.google;

import app.huberman.adapters.payments.ProviderHttp;
import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Fetches the JWKS for nimbus's caching key source over the JDK's HTTP client, so every call to
 * Google shares one client and its timeouts. Any failure is an {@link IOException}, which nimbus
 * reports as the key source being unavailable.
 */
final class JwksRetriever implements ResourceRetriever {

  private static final int MAX_BYTES = 64 * 1024;

  private final ProviderHttp http;

  JwksRetriever(ProviderHttp http) {
    this.http = http;
  }

  @Override
  public Resource retrieveResource(URL url) throws IOException {
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(url.toURI())
              .timeout(ProviderHttp.REQUEST_TIMEOUT)
              .header("Accept", "application/json")
              .GET()
              .build();
    } catch (URISyntaxException e) {
      throw new IOException("Not a JWKS URL", e);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request, "The JWKS endpoint");
    } catch (RuntimeException e) {
      throw new IOException(e.getMessage(), e);
    }
    if (response.statusCode() != 200) {
      throw new IOException("The JWKS endpoint answered HTTP " + response.statusCode());
    }
    if (response.body().length() > MAX_BYTES) {
      throw new IOException("The JWKS is larger than " + MAX_BYTES + " characters");
    }
    return new Resource(
        response.body(), response.headers().firstValue("Content-Type").orElse("application/json"));
  }
}
