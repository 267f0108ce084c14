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
 */
@WebServlet(
    name = "Webhooks",
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

  private transient ReceiveWebhookUseCase webhooks;

  /** The container makes servlets with their no-argument constructor, then injects. */
  @Inject
  void receiveWith(ReceiveWebhookUseCase webhooks) {
    this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
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
    try {
      WebhookReceipt receipt =
          webhooks.receive(provider, new WebhookRequest(body.get(), headersOf(request)));
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
    } catch (RuntimeException e) {
      UnexpectedExceptionMapper.logUnexpected(e);
      ServletAnswers.error(response, 500);
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
