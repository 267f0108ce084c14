package app.huberman.adapters.rest.common;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Singleton;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.servlet.WebappContext;
import org.glassfish.hk2.api.ActiveDescriptor;
import org.glassfish.hk2.api.Context;
import org.glassfish.hk2.api.ServiceHandle;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Serves resources of this adapter over real HTTP/1.1, as the server does, with every exception
 * mapper, filter and the JSON settings of the API, but with the use cases the test hands in: the
 * focused test of a resource checks its status codes, validation answers and mapping without a
 * database or a Payara boot. Jersey on Grizzly is what Payara runs, at the version it ships.
 */
public final class ResourceServer implements AutoCloseable {

  /** The providers the server finds by their {@code @Provider} annotation, without the auth. */
  private static final List<Class<?>> PROVIDERS =
      List.of(
          JsonConfiguration.class,
          NoStoreFilter.class,
          RequestBodyLimitFilter.class,
          ConflictExceptionMapper.class,
          DependencyUnavailableExceptionMapper.class,
          InvalidCredentialsExceptionMapper.class,
          JsonbExceptionMapper.class,
          NotFoundExceptionMapper.class,
          ProcessingExceptionMapper.class,
          ProviderUnavailableExceptionMapper.class,
          RateLimitedExceptionMapper.class,
          UnexpectedExceptionMapper.class,
          ValidationExceptionMapper.class,
          WebApplicationExceptionMapper.class);

  /**
   * Held, so that the level set here outlives a collection. Jersey warns that each resource
   * instance is no provider, which is true and harmless; failures show as failed assertions.
   */
  private static final Logger SERVER_LOGS = Logger.getLogger("org.glassfish");

  static {
    SERVER_LOGS.setLevel(Level.SEVERE);
  }

  private final HttpServer server;
  private final URI base;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private ResourceServer(HttpServer server, URI base) {
    this.server = server;
    this.base = base;
  }

  /**
   * Starts a server on a free local port.
   *
   * @param components resource instances built on fake use cases, and the filters they need (built
   *     on fakes too), such as {@link BearerAuthenticationFilter}
   */
  public static ResourceServer serving(Object... components) {
    ResourceConfig config =
        new ResourceConfig().addProperties(new ApiApplication().getProperties());
    PROVIDERS.forEach(config::register);
    for (Object component : components) {
      config.register(component);
      config.register(new TheInstance(component));
    }
    HttpServer server = new HttpServer();
    server.addListener(new NetworkListener("api", "127.0.0.1", 0));
    // As the server's pre-boot commands set it: DELETE /api/v1/user carries the password.
    server.getServerConfiguration().setAllowPayloadForUndefinedHttpMethods(true);
    WebappContext context = new WebappContext("api", "/api");
    context.addServlet("jersey", new ServletContainer(config)).addMapping("/*");
    try {
      server.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    context.deploy(server);
    int port = server.getListener("api").getPort();
    return new ResourceServer(
        server, UriBuilder.fromUri("http://127.0.0.1/api/").port(port).build());
  }

  /** The body of an answer, read as a JSON object. */
  public static JsonObject jsonOf(HttpResponse<String> answer) {
    try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
      return reader.readObject();
    }
  }

  /** The body of an answer, read as a JSON array. */
  public static JsonArray arrayOf(HttpResponse<String> answer) {
    try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
      return reader.readArray();
    }
  }

  /** Client addresses as the server works them out with no trusted proxy. */
  public static ClientAddresses directClients() {
    return new ClientAddresses(TrustedProxies.parse(""));
  }

  /** Sends a request; headers come in name, value pairs. */
  public HttpResponse<String> send(String method, String path, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(10))
            .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    try {
      return client.send(request.build(), BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A JSON request, as a mobile client sends it. */
  public HttpResponse<String> json(String method, String path, String body, String... headers) {
    String[] all = new String[headers.length + 2];
    all[0] = "Content-Type";
    all[1] = "application/json";
    System.arraycopy(headers, 0, all, 2, headers.length);
    return send(method, path, body, all);
  }

  /**
   * Jersey hands a CDI-scoped resource (ours are {@code @Dependent}) to its injection manager,
   * which knows no CDI scope: binding the instance first makes every lookup answer it.
   */
  private static final class TheInstance extends AbstractBinder {

    private final Object instance;

    TheInstance(Object instance) {
      this.instance = instance;
    }

    @Override
    @SuppressWarnings("unchecked")
    protected void configure() {
      bind(instance).to((Class<Object>) instance.getClass()).ranked(Integer.MAX_VALUE);
      bind(new DependentScope()).to(Context.class);
    }
  }

  /** CDI's {@code @Dependent} for the injection manager: a new lookup, a new create. */
  @Singleton
  private static final class DependentScope implements Context<Dependent> {

    @Override
    public Class<? extends Annotation> getScope() {
      return Dependent.class;
    }

    @Override
    public <U> U findOrCreate(ActiveDescriptor<U> descriptor, ServiceHandle<?> root) {
      return descriptor.create(root);
    }

    @Override
    public boolean containsKey(ActiveDescriptor<?> descriptor) {
      return false;
    }

    @Override
    public void destroyOne(ActiveDescriptor<?> descriptor) {}

    @Override
    public boolean supportsNullCreation() {
      return false;
    }

    @Override
    public boolean isActive() {
      return true;
    }

    @Override
    public void shutdown() {}
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
