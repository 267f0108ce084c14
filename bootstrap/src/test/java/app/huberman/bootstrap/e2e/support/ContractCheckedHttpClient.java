package app.huberman.bootstrap.e2e.support;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Flow;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * Java's HTTP client with each exchange checked against the contract, as {@link HttpTestClient}
 * checks its own: for request code the tests did not write, such as the client generated from
 * {@code openapi.yaml}. The answer is read whole, checked, and then handed to the caller's body
 * handler. Only the blocking {@code send} is offered.
 */
public final class ContractCheckedHttpClient extends HttpClient {

  private final HttpClient delegate;

  public ContractCheckedHttpClient(HttpClient delegate) {
    this.delegate = delegate;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> answer = delegate.send(request, HttpResponse.BodyHandlers.ofByteArray());
    URI uri = request.uri();
    Contract.get()
        .check(
            new Contract.Exchange(
                request.method(),
                uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
                request.headers().firstValue("Content-Type").orElse(null),
                RequestBodies.bytes(request),
                answer.statusCode(),
                answer.headers().map(),
                new String(answer.body(), StandardCharsets.UTF_8)),
            Contract.Check.DECLARED_STATUSES);
    return new Checked<>(answer, bodyFor(answer, handler));
  }

  /** What the caller's handler makes of the bytes already read. */
  private static <T> T bodyFor(HttpResponse<byte[]> answer, HttpResponse.BodyHandler<T> handler) {
    HttpResponse.BodySubscriber<T> subscriber =
        handler.apply(
            new HttpResponse.ResponseInfo() {
              @Override
              public int statusCode() {
                return answer.statusCode();
              }

              @Override
              public HttpHeaders headers() {
                return answer.headers();
              }

              @Override
              public Version version() {
                return answer.version();
              }
            });
    subscriber.onSubscribe(
        new Flow.Subscription() {
          @Override
          public void request(long n) {
            // Everything is delivered at once below.
          }

          @Override
          public void cancel() {
            // Nothing is left to stop.
          }
        });
    if (answer.body().length > 0) {
      subscriber.onNext(List.of(ByteBuffer.wrap(answer.body())));
    }
    subscriber.onComplete();
    return subscriber.getBody().toCompletableFuture().join();
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request, HttpResponse.BodyHandler<T> handler) {
    throw new UnsupportedOperationException("Only send is checked against the contract");
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest request,
      HttpResponse.BodyHandler<T> handler,
      HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
    throw new UnsupportedOperationException("Only send is checked against the contract");
  }

  @Override
  public Optional<CookieHandler> cookieHandler() {
    return delegate.cookieHandler();
  }

  @Override
  public Optional<Duration> connectTimeout() {
    return delegate.connectTimeout();
  }

  @Override
  public Redirect followRedirects() {
    return delegate.followRedirects();
  }

  @Override
  public Optional<ProxySelector> proxy() {
    return delegate.proxy();
  }

  @Override
  public SSLContext sslContext() {
    return delegate.sslContext();
  }

  @Override
  public SSLParameters sslParameters() {
    return delegate.sslParameters();
  }

  @Override
  public Optional<Authenticator> authenticator() {
    return delegate.authenticator();
  }

  @Override
  public Version version() {
    return delegate.version();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  /** The checked answer with the body the caller asked for. */
  private record Checked<T>(HttpResponse<byte[]> answer, T body) implements HttpResponse<T> {

    @Override
    public int statusCode() {
      return answer.statusCode();
    }

    @Override
    public HttpRequest request() {
      return answer.request();
    }

    @Override
    public Optional<HttpResponse<T>> previousResponse() {
      return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
      return answer.headers();
    }

    @Override
    public Optional<SSLSession> sslSession() {
      return answer.sslSession();
    }

    @Override
    public URI uri() {
      return answer.uri();
    }

    @Override
    public Version version() {
      return answer.version();
    }
  }
}
