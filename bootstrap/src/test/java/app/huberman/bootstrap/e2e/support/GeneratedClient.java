package app.huberman.bootstrap.e2e.support;

import app.huberman.client.ApiClient;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The Java client that openapi-generator makes from {@code openapi.yaml} at build time ({@code
 * app.huberman.client}, under {@code target/generated-test-sources/openapi}), pointed at a server
 * started by a test. It speaks plain HTTP/1.1, as {@link HttpTestClient} does, and every exchange
 * is checked against the contract like every other end-to-end request.
 */
public final class GeneratedClient {

  private GeneratedClient() {}

  /**
   * @param clientIp sent as {@code X-Forwarded-For} on every request, so rate limits count this
   *     client apart from the other tests' clients
   */
  public static ApiClient against(int port, String clientIp) {
    ApiClient client = new ContractChecked();
    client.setHttpClientBuilder(
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)));
    client.updateBaseUri("http://127.0.0.1:" + port);
    client.setReadTimeout(Duration.ofSeconds(30));
    client.setRequestInterceptor(request -> request.header("X-Forwarded-For", clientIp));
    return client;
  }

  /** The generated client, sending through {@link ContractCheckedHttpClient}. */
  private static final class ContractChecked extends ApiClient {
    @Override
    public HttpClient getHttpClient() {
      return new ContractCheckedHttpClient(super.getHttpClient());
    }
  }
}
