package app.huberman.adapters.rest.common;

import app.huberman.application.health.port.in.CheckServingUseCase;
import app.huberman.application.health.port.in.CheckServingUseCase.Serving;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;

/**
 * Keeps the API closed until this instance can serve it: before its schema is at this build's
 * version (migrating, or waiting for the deployment's {@code migrate}), every API request gets 503
 * with {@code Retry-After}, never a 404 or a 500, so that a balancer retries it elsewhere.
 *
 * <p>Once the port of a stopping instance accepts no new connection, every answer says {@code
 * Connection: close}: a balancer then keeps no connection to it, so that none is cut when the
 * process exits (nginx never resends a POST on a connection that was cut). Not before: during the
 * drain, that would make nginx open a new connection for every request, and one that is opened just
 * as the port closes is reset with its request. It counts the requests in flight ({@link
 * RequestsInFlight}), for which the stop waits before it exits.
 *
 * <p>Once open, the first API request is served alone, the others waiting behind it: Payara sets up
 * its JSON-B resolvers while it serves the first JSON request, and did so unsafely when several
 * came at once (a {@code ConcurrentModificationException} in {@code JaxRSJsonContextResolver},
 * answered 500).
 */
@WebFilter(filterName = "ServingGate", urlPatterns = "/api/*", asyncSupported = true)
public class ServingGateFilter extends HttpFilter {

  static final String STARTING = "The server is starting; try again in a few seconds.";
  private static final long serialVersionUID = 1L;

  private transient CheckServingUseCase instance;
  private transient RequestsInFlight inFlight;
  private final transient Object firstRequest = new Object();
  private volatile boolean firstServed;

  @Inject
  void openWhen(CheckServingUseCase instance, RequestsInFlight inFlight) {
    this.instance = Objects.requireNonNull(instance, "instance");
    this.inFlight = Objects.requireNonNull(inFlight, "inFlight");
  }

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Serving serving = instance.serving();
    if (serving == Serving.STARTING) {
      ServletAnswers.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, STARTING);
      return;
    }
    if (serving == Serving.CLOSING) {
      response.setHeader("Connection", "close");
    }
    inFlight.enter();
    boolean answeredLater = false;
    try {
      serve(request, response, chain);
      answeredLater = request.isAsyncStarted(); // a webhook, answered once its batch commits
      if (answeredLater) {
        request.getAsyncContext().addListener(new LeaveWhenAnswered(inFlight));
      }
    } finally {
      if (!answeredLater) {
        inFlight.leave();
      }
    }
  }

  /** Counts an asynchronous request out when its answer is complete, however it ends. */
  private record LeaveWhenAnswered(RequestsInFlight inFlight) implements AsyncListener {

    @Override
    public void onComplete(AsyncEvent event) {
      inFlight.leave();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      // onComplete follows
    }

    @Override
    public void onError(AsyncEvent event) {
      // onComplete follows
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      event.getAsyncContext().addListener(this);
    }
  }

  private void serve(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!firstServed) {
      synchronized (firstRequest) {
        if (!firstServed) {
          try {
            chain.doFilter(request, response);
          } finally {
            firstServed = true;
          }
          return;
        }
      }
    }
    chain.doFilter(request, response);
  }
}
