package app.huberman.bootstrap.e2e.support;

import app.huberman.bootstrap.e2e.support.HttpTestClient.Answer;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.HashMap;
import java.util.Map;

/** The users endpoints as a mobile client calls them, from a chosen client address. */
public final class UsersClient {

  private final HttpTestClient http;

  public UsersClient(HttpTestClient http) {
    this.http = http;
  }

  /** A JSON object of string fields; a null value is left out. */
  public static String json(String... keysAndValues) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      if (keysAndValues[i + 1] != null) {
        object.add(keysAndValues[i], keysAndValues[i + 1]);
      }
    }
    return object.build().toString();
  }

  public Answer post(String path, String body, String clientIp, String token) {
    return send("POST", path, body, clientIp, token);
  }

  public Answer send(String method, String path, String body, String clientIp, String token) {
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("X-Forwarded-For", clientIp);
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    return http.sendWithHeaders(
        method,
        path,
        headers,
        body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
  }

  /** A request with a content type of the test's choosing. */
  public Answer sendAs(
      String method, String path, String contentType, String body, String clientIp) {
    return http.sendWithHeaders(
        method,
        path,
        Map.of("Content-Type", contentType, "X-Forwarded-For", clientIp),
        BodyPublishers.ofString(body));
  }

  public Answer register(String name, String email, String password, String clientIp) {
    return post(
        "/api/v1/register",
        json("name", name, "email", email, "password", password, "password_confirmation", password),
        clientIp,
        null);
  }

  public Answer login(String email, String password, String clientIp) {
    return post("/api/v1/login", json("email", email, "password", password), clientIp, null);
  }

  public Answer profile(String token) {
    return send("GET", "/api/v1/user/profile", null, "203.0.113.250", token);
  }
}
