package app.huberman.bootstrap.e2e.support;

import app.huberman.adapters.rest.contract.OpenApiDocumentServlet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract, {@code openapi.yaml}, as the end-to-end tests hold the server to it: each request a
 * test sends and each answer it gets is checked here, and every documented path, method and status
 * seen is recorded for {@code ContractCoverageIT}.
 *
 * <p>The rules: the answer's status is one the operation declares; its body has one of the declared
 * media types and, for JSON, matches the schema (formats asserted, closed objects closed); its
 * required headers are there and match theirs. A request whose body the request schema refuses must
 * not get a 2xx. A method and path the document does not have must be answered 404 or 405 with the
 * {@code Error} schema.
 */
public final class Contract {

  /** How strictly the answer's status is held to the document. */
  public enum Check {
    /** Only the statuses the operation declares. */
    DECLARED_STATUSES,
    /**
     * For garbage no client would send (the hostile-request test): a status the operation does not
     * declare is accepted too if it is a 4xx with the {@code Error} schema.
     */
    ANY_CLIENT_ERROR
  }

  /** What went over the wire: the request and the answer to it. */
  public record Exchange(
      String method,
      String path,
      String requestContentType,
      byte[] requestBody,
      int status,
      Map<String, List<String>> responseHeaders,
      String responseBody) {}

  /** Paths of test-only resources added to the WAR by a test; they are not the API. */
  private static final List<String> NOT_THE_API = List.of("/api/v1/test-echo");

  /** Marks an undeclared 4xx accepted for garbage; listed by the coverage check, never counted. */
  static final String TOLERATED = "tolerated for garbage: ";

  private static final String ERROR_SCHEMA = "/components/schemas/Error";
  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options", "trace");
  private static final Contract INSTANCE = new Contract();

  private final JsonNode document;
  private final List<Route> routes = new ArrayList<>();
  private final SchemaRegistry registry;
  private final Map<String, Schema> schemas = new ConcurrentHashMap<>();
  private final JsonMapper json = JsonMapper.builder().build();

  private Contract() {
    try (InputStream in =
        OpenApiDocumentServlet.class
            .getClassLoader()
            .getResourceAsStream(OpenApiDocumentServlet.RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(OpenApiDocumentServlet.RESOURCE + " is not on the path");
      }
      document = YAMLMapper.builder().build().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
      routes.add(new Route(path.getKey()));
    }
    registry =
        SchemaRegistry.withDialect(
            Dialect.builder(Dialects.getOpenApi31()).format(new MailboxFormat()).build(),
            builder ->
                builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
  }

  public static Contract get() {
    return INSTANCE;
  }

  /** Every documented operation, as "METHOD /path" with the path template as written. */
  public Set<String> operations() {
    Set<String> all = new LinkedHashSet<>();
    for (Route route : routes) {
      for (String method : names(pathItem(route))) {
        if (METHODS.contains(method)) {
          all.add(method.toUpperCase(Locale.ROOT) + " " + route.template);
        }
      }
    }
    return all;
  }

  /** Every documented path template, method and status, as "METHOD /path status". */
  public Set<String> documented() {
    Set<String> all = new LinkedHashSet<>();
    for (Route route : routes) {
      for (Map.Entry<String, JsonNode> operation : pathItem(route).properties()) {
        if (METHODS.contains(operation.getKey())) {
          for (String status : names(operation.getValue().get("responses"))) {
            all.add(observation(operation.getKey(), route.template, status));
          }
        }
      }
    }
    return all;
  }

  /**
   * Checks one exchange against the document and records what it exercised.
   *
   * @throws AssertionError naming method, path, status and every violation
   */
  public void check(Exchange exchange, Check check) {
    String path = pathOnly(exchange.path());
    if (NOT_THE_API.stream().anyMatch(path::startsWith)) {
      return;
    }
    List<String> violations = new ArrayList<>();
    String seen = null;
    String method = exchange.method().toLowerCase(Locale.ROOT);
    // A literal segment wins over a parameter: /failed-jobs/retry-all is not /failed-jobs/{uuid}.
    Route route =
        routes.stream()
            .filter(r -> r.matches(path))
            .min(java.util.Comparator.comparingInt(r -> r.parameters))
            .orElse(null);
    JsonNode operation = route == null ? null : pathItem(route).get(method);
    if (operation == null) {
      if (exchange.status() != 404 && exchange.status() != 405) {
        violations.add("not in the document, so only 404 or 405 may answer it");
      }
      checkJson(exchange, ERROR_SCHEMA, violations);
    } else {
      String status = Integer.toString(exchange.status());
      String pointer = pointer("paths", route.template, method);
      checkRequest(exchange, operation, pointer, violations);
      if (operation.get("responses").has(status)) {
        seen = observation(method, route.template, status);
        checkResponse(exchange, pointer + "/responses/" + status, violations);
      } else if (check == Check.ANY_CLIENT_ERROR && exchange.status() / 100 == 4) {
        seen = TOLERATED + observation(method, route.template, status);
        checkJson(exchange, ERROR_SCHEMA, violations);
      } else {
        violations.add(
            "status "
                + status
                + " is not declared; declared: "
                + names(operation.get("responses")));
      }
    }
    if (violations.isEmpty()) {
      if (seen != null) {
        ContractCoverage.record(seen);
      }
    } else {
      throw new AssertionError(
          "The answer breaks the contract (openapi.yaml): "
              + exchange.method()
              + " "
              + exchange.path()
              + " -> "
              + exchange.status()
              + "\n  "
              + String.join("\n  ", violations)
              + "\n  body: "
              + shorten(exchange.responseBody()));
    }
  }

  private void checkRequest(
      Exchange exchange, JsonNode operation, String pointer, List<String> violations) {
    JsonNode requestBody = operation.get("requestBody");
    if (requestBody == null || exchange.status() / 100 != 2) {
      return;
    }
    List<String> refused = new ArrayList<>();
    byte[] body = exchange.requestBody();
    String type = exchange.requestContentType();
    if (body == null || body.length == 0) {
      if (requestBody.path("required").asBoolean(false)) {
        refused.add("the body is required");
      }
    } else if (type == null || !mediaType(type).equals("application/json")) {
      refused.add("the body must be application/json, not " + type);
    } else {
      try {
        JsonNode sent = json.readTree(body);
        refused.addAll(validate(pointer + "/requestBody/content/application~1json/schema", sent));
      } catch (IOException notJson) {
        refused.add("the body is not JSON");
      }
    }
    refused.forEach(
        reason -> violations.add("a request the contract refuses was accepted: " + reason));
  }

  private void checkResponse(Exchange exchange, String pointer, List<String> violations) {
    Resolved response = resolve(pointer);
    for (Map.Entry<String, JsonNode> header : response.node.path("headers").properties()) {
      Resolved declared = resolve(response.pointer + "/headers/" + escape(header.getKey()));
      String value = headerValue(exchange.responseHeaders(), header.getKey());
      if (value == null) {
        if (declared.node.path("required").asBoolean(false)) {
          violations.add("the required header " + header.getKey() + " is missing");
        }
        continue;
      }
      JsonNode schema = declared.node.path("schema");
      JsonNode asJson =
          "integer".equals(schema.path("type").asText("")) && value.matches("-?\\d{1,18}")
              ? JsonNodeFactory.instance.numberNode(Long.parseLong(value))
              : JsonNodeFactory.instance.textNode(value);
      validate(declared.pointer + "/schema", asJson)
          .forEach(error -> violations.add("header " + header.getKey() + ": " + error));
    }
    JsonNode content = response.node.get("content");
    String body = exchange.responseBody() == null ? "" : exchange.responseBody();
    if (content == null) {
      if (!body.isEmpty()) {
        violations.add("no body is declared, but one came: " + shorten(body));
      }
      return;
    }
    String type = headerValue(exchange.responseHeaders(), "Content-Type");
    if (type == null || !content.has(mediaType(type))) {
      violations.add("Content-Type " + type + " is not one of the declared " + names(content));
    } else if (mediaType(type).equals("application/json")) {
      checkJson(exchange, response.pointer + "/content/application~1json/schema", violations);
    }
  }

  private void checkJson(Exchange exchange, String schemaPointer, List<String> violations) {
    String type = headerValue(exchange.responseHeaders(), "Content-Type");
    if (type == null || !mediaType(type).equals("application/json")) {
      violations.add("Content-Type " + type + " is not application/json");
      return;
    }
    try {
      violations.addAll(validate(schemaPointer, json.readTree(exchange.responseBody())));
    } catch (IOException notJson) {
      violations.add("the body is not JSON: " + notJson.getMessage());
    }
  }

  private List<String> validate(String schemaPointer, JsonNode instance) {
    Schema schema =
        schemas.computeIfAbsent(
            schemaPointer,
            at ->
                registry.getSchema(
                    SchemaLocation.of("classpath:" + OpenApiDocumentServlet.RESOURCE + "#" + at)));
    List<String> errors = new ArrayList<>();
    for (Error error : schema.validate(instance)) {
      errors.add(error.getInstanceLocation() + ": " + error.getMessage());
    }
    return errors;
  }

  /** The object at this pointer, or what its {@code $ref} points to. */
  private Resolved resolve(String pointer) {
    JsonNode node = document.at(pointer);
    if (node.isMissingNode()) {
      throw new IllegalStateException("Nothing at " + pointer + " in the document");
    }
    JsonNode ref = node.get("$ref");
    return ref == null ? new Resolved(pointer, node) : resolve(ref.asText().substring(1));
  }

  private JsonNode pathItem(Route route) {
    return document.get("paths").get(route.template);
  }

  static String observation(String method, String template, String status) {
    return method.toUpperCase(Locale.ROOT) + " " + template + " " + status;
  }

  private static String pointer(String... tokens) {
    StringBuilder pointer = new StringBuilder();
    for (String token : tokens) {
      pointer.append('/').append(escape(token));
    }
    return pointer.toString();
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String pathOnly(String path) {
    int query = path.indexOf('?');
    return query < 0 ? path : path.substring(0, query);
  }

  private static String mediaType(String contentType) {
    int parameters = contentType.indexOf(';');
    return (parameters < 0 ? contentType : contentType.substring(0, parameters))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  private static String headerValue(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(entry -> entry.getKey() != null && entry.getKey().equalsIgnoreCase(name))
        .map(entry -> entry.getValue().getFirst())
        .findFirst()
        .orElse(null);
  }

  private static String shorten(String body) {
    if (body == null) {
      return "(none)";
    }
    return body.length() <= 300 ? body : body.substring(0, 300) + "…";
  }

  /**
   * {@code format: email} as RFC 5321 defines a mailbox: the library's own check also wants a
   * top-level domain on IANA's list, which {@code .test}, reserved for tests, is not.
   */
  private static final class MailboxFormat implements Format {
    private static final String ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?";
    private static final java.util.regex.Pattern MAILBOX =
        java.util.regex.Pattern.compile(
            ATOM + "(?:\\." + ATOM + ")*@" + LABEL + "(?:\\." + LABEL + ")+");

    @Override
    public String getName() {
      return "email";
    }

    @Override
    public boolean matches(ExecutionContext executionContext, String value) {
      return MAILBOX.matcher(value).matches();
    }
  }

  /** A node of the document and the pointer it was found at. */
  private record Resolved(String pointer, JsonNode node) {}

  /** A path template; literal segments must be equal, a {@code {param}} segment matches any. */
  private static final class Route {
    private final String template;
    private final String[] segments;
    private final int parameters;

    Route(String template) {
      this.template = template;
      this.segments = template.split("/", -1);
      this.parameters = (int) java.util.Arrays.stream(segments).filter(Route::isParameter).count();
    }

    private static boolean isParameter(String segment) {
      return segment.startsWith("{") && segment.endsWith("}");
    }

    boolean matches(String path) {
      String[] actual = path.split("/", -1);
      if (actual.length != segments.length) {
        return false;
      }
      for (int i = 0; i < segments.length; i++) {
        if (isParameter(segments[i]) ? actual[i].isEmpty() : !segments[i].equals(actual[i])) {
          return false;
        }
      }
      return true;
    }
  }
}
