package app.huberman.bootstrap.e2e.support;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A small HTTP/1.1 client for black-box tests: plain requests, answers as status, headers, body.
 * Each request and its answer are checked against the contract ({@link Contract}); a breach fails
 * the test that sent it.
 */
public final class HttpTestClient {

  private final String baseUrl;
  private final Duration timeout;
  private final Contract.Check check;

  /**
   * HTTP/1.1 as curl, nginx and most mobile stacks speak it: Java's client would otherwise upgrade
   * its connection to HTTP/2 (h2c), where Grizzly skips checks that HTTP/1.1 requests meet.
   */
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  public HttpTestClient(int port) {
    this(port, Duration.ofSeconds(30));
  }

  /**
   * @param timeout how long a request may wait for its answer
   */
  public HttpTestClient(int port, Duration timeout) {
    this(port, timeout, Contract.Check.DECLARED_STATUSES);
  }

  private HttpTestClient(int port, Duration timeout, Contract.Check check) {
    this.baseUrl = "http://127.0.0.1:" + port;
    this.timeout = timeout;
    this.check = check;
  }

  /**
   * A client whose answers are not checked against the contract: only for polling a server that is
   * still starting (before the application is deployed, Payara answers for itself).
   */
  public static HttpTestClient unchecked(int port, Duration timeout) {
    return new HttpTestClient(port, timeout, null);
  }

  /**
   * The same server, for garbage no client would send: besides the declared statuses, any 4xx with
   * the contract's {@code Error} body is accepted.
   */
  public HttpTestClient forGarbage() {
    return new HttpTestClient(port(), timeout, Contract.Check.ANY_CLIENT_ERROR);
  }

  private int port() {
    return URI.create(baseUrl).getPort();
  }

  public Answer get(String path) {
    return send(request(path).GET().build());
  }

  public Answer get(String path, Map<String, String> headers) {
    HttpRequest.Builder builder = request(path).GET();
    headers.forEach(builder::header);
    return send(builder.build());
  }

  public Answer send(String method, String path, String contentType, BodyPublisher body) {
    HttpRequest.Builder builder = request(path).method(method, body);
    if (contentType != null) {
      builder.header("Content-Type", contentType);
    }
    return send(builder.build());
  }

  public Answer sendWithHeaders(
      String method, String path, Map<String, String> headers, BodyPublisher body) {
    HttpRequest.Builder builder = request(path).method(method, body);
    headers.forEach(builder::header);
    return send(builder.build());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout);
  }

  private Answer send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      Answer answer = new Answer(response.statusCode(), response.headers().map(), response.body());
      if (check != null) {
        Contract.get()
            .check(
                new Contract.Exchange(
                    request.method(),
                    request.uri().getRawPath()
                        + (request.uri().getRawQuery() == null
                            ? ""
                            : "?" + request.uri().getRawQuery()),
                    request.headers().firstValue("Content-Type").orElse(null),
                    RequestBodies.bytes(request),
                    answer.status(),
                    answer.headers(),
                    answer.body()),
                check);
      }
      return answer;
    } catch (IOException e) {
      throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One HTTP answer. */
  public record Answer(int status, Map<String, java.util.List<String>> headers, String body) {

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .map(entry -> entry.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }

    public JsonStructure json() {
      try (JsonReader reader = Json.createReader(new StringReader(body))) {
        return reader.read();
      }
    }

    public JsonObject jsonObject() {
      return json().asJsonObject();
    }
  }
}
