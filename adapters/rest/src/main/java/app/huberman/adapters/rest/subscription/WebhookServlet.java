package app.huberman.adapters.rest.subscription;

import app.huberman.adapters.rest.common.DependencyUnavailableExceptionMapper;
import app.huberman.adapters.rest.common.ProviderUnavailableExceptionMapper;
import app.huberman.adapters.rest.common.RequestBodies;
import app.huberman.adapters.rest.common.ServletAnswers;
import app.huberman.adapters.rest.common.UnexpectedExceptionMapper;
import app.huberman.application.shared.DependencyUnavailableException;
import app.huberman.application.shared.ProviderUnavailableException;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.in.ReceiveWebhookUseCase;
import app.huberman.application.subscription.port.in.WebhookReceipt;
import app.huberman.application.subscription.port.in.WebhookRequest;
import app.huberman.domain.subscription.PaymentProvider;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Provider webhooks, {@code POST /api/v1/webhooks/stripe|apple|google}: no bearer token,
 * authenticity comes from the signature. The raw bytes go to the use case untouched, since
 * signatures cover them exactly. 200 once stored (a duplicate too), 400 when not authentic, 503
 * when PostgreSQL (or the provider's keys) cannot be reached, so the provider retries.
 *
 * <p>A plain servlet, not a JAX-RS resource: webhooks are the API's busiest writes, and Jersey's
 * routing, providers and request scope took a quarter of the JVM's CPU per webhook (ADR 0006). It
 * keeps the API's contract: the same JSON answers and errors (413, 405, 415, in JAX-RS's order),
 * the request id (a filter in front of every servlet), and the HTTP metrics (recorded for servlets
 * mapped to an exact {@code /api} path by the monitoring adapter). Any other path under {@code
 * /api/v1/webhooks/} is JAX-RS's, which answers 404.
 *
 * <p>Asynchronous: once the body is read, the webhook moves to the {@link WebhookThreads} and the
 * HTTP thread goes back to serving requests. A webhook spends most of its time waiting for the
 * commit of the batch it shares with those arriving meanwhile, and a batch can only hold the
 * webhooks in flight; on HTTP threads, the batches were as small as the HTTP thread pool, which
 * must stay small for reads to answer fast on a few cores (ADR 0008).
 */
@WebServlet(
    name = "Webhooks",
    asyncSupported = true,
    urlPatterns = {
      WebhookServlet.PATH + "stripe",
      WebhookServlet.PATH + "apple",
      WebhookServlet.PATH + "google"
    })
public class WebhookServlet extends HttpServlet {

  static final String PATH = "/api/v1/webhooks/";
  private static final long serialVersionUID = 1L;

  private static final Map<String, PaymentProvider> PROVIDERS =
      Map.of(
          PATH + "stripe", PaymentProvider.STRIPE,
          PATH + "apple", PaymentProvider.APPLE,
          PATH + "google", PaymentProvider.GOOGLE);

  /** {@code {"received": true, "duplicate": false}}. */
  public record WebhookAnswer(boolean received, boolean duplicate) {}

  private static final byte[] ACCEPTED = ServletAnswers.json(new WebhookAnswer(true, false));
  private static final byte[] DUPLICATE = ServletAnswers.json(new WebhookAnswer(true, true));

  private static final Logger LOG = Logger.getLogger(WebhookServlet.class.getName());

  private transient ReceiveWebhookUseCase webhooks;
  private transient WebhookThreads threads;

  /** The container makes servlets with their no-argument constructor, then injects. */
  @Inject
  void receiveWith(ReceiveWebhookUseCase webhooks, WebhookThreads threads) {
    this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    this.threads = Objects.requireNonNull(threads, "threads");
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    Optional<byte[]> body = bodyWithinTheLimit(request, response);
    if (body.isEmpty()) {
      return;
    }
    if (!"POST".equals(request.getMethod())) {
      response.setHeader("Allow", "POST");
      ServletAnswers.error(response, 405);
      return;
    }
    if (!isJson(request.getContentType())) {
      ServletAnswers.error(response, 415);
      return;
    }
    PaymentProvider provider = PROVIDERS.get(request.getServletPath());
    WebhookRequest webhook = new WebhookRequest(body.get(), headersOf(request));
    AsyncContext async = request.startAsync();
    // No container timeout: the use case answers within its own wait for a commit (30 s).
    async.setTimeout(0);
    try {
      threads.execute(() -> receiveAndAnswer(provider, webhook, async));
    } catch (RejectedExecutionException e) {
      LOG.warning("Too many webhooks waiting to be stored: answered 503");
      ServletAnswers.error(response, 503);
      async.complete();
    }
  }

  private void receiveAndAnswer(
      PaymentProvider provider, WebhookRequest webhook, AsyncContext async) {
    HttpServletResponse response = (HttpServletResponse) async.getResponse();
    try {
      answer(provider, webhook, response);
    } catch (IOException e) {
      LOG.log(Level.FINE, "The webhook's sender left before its answer", e);
    } finally {
      async.complete();
    }
  }

  /** Package-private for its test: a failure of any kind is answered, never left as a 200. */
  void answer(PaymentProvider provider, WebhookRequest webhook, HttpServletResponse response)
      throws IOException {
    try {
      WebhookReceipt receipt = webhooks.receive(provider, webhook);
      ServletAnswers.write(
          response, 200, receipt == WebhookReceipt.DUPLICATE ? DUPLICATE : ACCEPTED);
    } catch (InvalidNotificationException e) {
      ServletAnswers.error(response, 400, "Invalid webhook: " + e.getMessage());
    } catch (DependencyUnavailableException e) {
      DependencyUnavailableExceptionMapper.logAnswered(e);
      ServletAnswers.error(response, 503);
    } catch (ProviderUnavailableException e) {
      ProviderUnavailableExceptionMapper.logAnswered(e);
      ServletAnswers.error(response, 503);
    } catch (RuntimeException | Error e) {
      // An Error too: completing the request without an answer would send the provider a 200,
      // and it would never deliver the event again.
      UnexpectedExceptionMapper.logUnexpected(e);
      ServletAnswers.error(response, 500);
      if (e instanceof OutOfMemoryError outOfMemory) {
        throw outOfMemory;
      }
    }
  }

  /** The whole body, or empty once a body over the limit has been answered with 413. */
  private static Optional<byte[]> bodyWithinTheLimit(
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    RequestBodies.Read body =
        RequestBodies.read(request.getInputStream(), request.getContentLengthLong());
    if (body.overTheLimit()) {
      refuseTheBody(response, body.consumed());
      return Optional.empty();
    }
    return Optional.of(body.bytes());
  }

  private static void refuseTheBody(HttpServletResponse response, boolean consumed)
      throws IOException {
    if (!consumed) {
      response.setHeader("Connection", "close");
    }
    ServletAnswers.error(response, 413);
  }

  /** {@code application/json}, with or without parameters such as the charset. */
  static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int parameters = contentType.indexOf(';');
    String type = parameters < 0 ? contentType : contentType.substring(0, parameters);
    return type.strip().toLowerCase(Locale.ROOT).equals("application/json");
  }

  private static Map<String, List<String>> headersOf(HttpServletRequest request) {
    Map<String, List<String>> headers = new HashMap<>();
    for (String name : Collections.list(request.getHeaderNames())) {
      headers.put(name, Collections.list(request.getHeaders(name)));
    }
    return headers;
  }
}
