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
 */
public final class HttpTestClient {

  private final String baseUrl;
  private final Duration timeout;

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
    this.baseUrl = "http://127.0.0.1:" + port;
    this.timeout = timeout;
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
      return new Answer(response.statusCode(), response.headers().map(), response.body());
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
