package app.huberman.adapters.rest.common;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.health.port.in.CheckServingUseCase.Serving;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ServingGateFilterTest {

  private final AtomicReference<Serving> serving = new AtomicReference<>(Serving.STARTING);
  private final RequestsInFlight inFlight = new RequestsInFlight();
  private final ServingGateFilter gate = new ServingGateFilter();

  ServingGateFilterTest() {
    gate.openWhen(serving::get, inFlight);
  }

  @Test
  void answers503WithRetryAfterAndTheContractsErrorBodyUntilTheInstanceHasStarted()
      throws Exception {
    RecordedResponse response = new RecordedResponse();
    AtomicInteger passed = new AtomicInteger();

    gate.doFilter(request(), response.proxy(), (req, res) -> passed.incrementAndGet());

    assertThat(passed).hasValue(0);
    assertThat(response.status).isEqualTo(503);
    assertThat(response.headers).containsEntry("Retry-After", "5");
    assertThat(response.contentType).isEqualTo("application/json");
    assertThat(response.body.toString())
        .isEqualTo("{\"message\":\"" + ServingGateFilter.STARTING + "\"}");
  }

  @Test
  void letsEveryRequestThroughOnceTheInstanceHasStarted() throws Exception {
    serving.set(Serving.SERVING);
    AtomicInteger passed = new AtomicInteger();

    for (int i = 0; i < 3; i++) {
      gate.doFilter(
          request(), new RecordedResponse().proxy(), (req, res) -> passed.incrementAndGet());
    }

    assertThat(passed).hasValue(3);
  }

  @Test
  void countsARequestAnsweredAsynchronouslyInFlightUntilItsAnswerIsComplete() throws Exception {
    serving.set(Serving.SERVING);
    List<AsyncListener> listeners = new ArrayList<>();

    gate.doFilter(asyncRequest(listeners), new RecordedResponse().proxy(), (req, res) -> {});

    assertThat(inFlight.count()).isEqualTo(1);
    assertThat(listeners).hasSize(1);
    listeners.getFirst().onComplete(null);
    assertThat(inFlight.count()).isZero();
  }

  @Test
  void servesThroughTheDrainAndTellsTheClientToCloseItsConnectionOnlyOnceThePortClosed()
      throws Exception {
    AtomicInteger passed = new AtomicInteger();
    serving.set(Serving.SERVING);
    RecordedResponse serving1 = new RecordedResponse();
    gate.doFilter(request(), serving1.proxy(), (req, res) -> passed.incrementAndGet());
    serving.set(Serving.DRAINING);
    RecordedResponse draining = new RecordedResponse();
    gate.doFilter(request(), draining.proxy(), (req, res) -> passed.incrementAndGet());
    serving.set(Serving.CLOSING);
    RecordedResponse closing = new RecordedResponse();
    gate.doFilter(request(), closing.proxy(), (req, res) -> passed.incrementAndGet());

    assertThat(passed).hasValue(3);
    assertThat(serving1.headers).doesNotContainKey("Connection");
    assertThat(draining.status).isEqualTo(200);
    assertThat(draining.headers).doesNotContainKey("Connection");
    assertThat(closing.status).isEqualTo(200);
    assertThat(closing.headers).containsEntry("Connection", "close");
  }

  @Test
  void servesTheFirstRequestAloneAndTheOthersOnlyAfterIt() throws Exception {
    serving.set(Serving.SERVING);
    CountDownLatch firstInside = new CountDownLatch(1);
    CountDownLatch releaseFirst = new CountDownLatch(1);
    AtomicBoolean secondRanBeforeFirstEnded = new AtomicBoolean();
    AtomicBoolean firstEnded = new AtomicBoolean();
    FilterChain first =
        (req, res) -> {
          assertThat(inFlight.count()).isEqualTo(1);
          firstInside.countDown();
          await(releaseFirst);
          firstEnded.set(true);
        };
    FilterChain second = (req, res) -> secondRanBeforeFirstEnded.set(!firstEnded.get());

    CompletableFuture<Void> one = CompletableFuture.runAsync(() -> filter(first));
    assertThat(firstInside.await(5, TimeUnit.SECONDS)).isTrue();
    CompletableFuture<Void> two = CompletableFuture.runAsync(() -> filter(second));
    Thread.sleep(200);
    assertThat(two).isNotDone();

    releaseFirst.countDown();
    one.get(5, TimeUnit.SECONDS);
    two.get(5, TimeUnit.SECONDS);

    assertThat(secondRanBeforeFirstEnded).isFalse();
    assertThat(inFlight.count()).as("both counted out").isZero();
  }

  private void filter(FilterChain chain) {
    try {
      gate.doFilter(request(), new RecordedResponse().proxy(), chain);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static HttpServletRequest request() {
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ServingGateFilterTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) -> method.getReturnType() == boolean.class ? false : null);
  }

  /** A request its servlet answers asynchronously (a webhook): the listeners it was given. */
  private static HttpServletRequest asyncRequest(List<AsyncListener> listeners) {
    AsyncContext context =
        (AsyncContext)
            Proxy.newProxyInstance(
                ServingGateFilterTest.class.getClassLoader(),
                new Class<?>[] {AsyncContext.class},
                (proxy, method, args) -> {
                  if (method.getName().equals("addListener")) {
                    listeners.add((AsyncListener) args[0]);
                  }
                  return null;
                });
    return (HttpServletRequest)
        Proxy.newProxyInstance(
            ServingGateFilterTest.class.getClassLoader(),
            new Class<?>[] {HttpServletRequest.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "isAsyncStarted" -> true;
                  case "getAsyncContext" -> context;
                  default -> method.getReturnType() == boolean.class ? false : null;
                });
  }

  /** What the filter told the response: status, headers, content type and body. */
  private static final class RecordedResponse {
    int status = 200;
    String contentType;
    final Map<String, String> headers = new HashMap<>();
    final StringWriter body = new StringWriter();

    HttpServletResponse proxy() {
      PrintWriter writer = new PrintWriter(body, true);
      return (HttpServletResponse)
          Proxy.newProxyInstance(
              ServingGateFilterTest.class.getClassLoader(),
              new Class<?>[] {HttpServletResponse.class},
              (proxy, method, args) -> {
                switch (method.getName()) {
                  case "setStatus" -> status = (Integer) args[0];
                  case "setHeader" -> headers.put((String) args[0], (String) args[1]);
                  case "setContentType" -> contentType = (String) args[0];
                  case "getWriter" -> {
                    return writer;
                  }
                  default -> {}
                }
                return null;
              });
    }
  }
}
