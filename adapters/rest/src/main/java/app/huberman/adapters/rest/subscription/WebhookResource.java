package app.huberman.adapters.rest.subscription;

import app.huberman.adapters.rest.common.ErrorResponses;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.in.ReceiveWebhookUseCase;
import app.huberman.application.subscription.port.in.WebhookReceipt;
import app.huberman.application.subscription.port.in.WebhookRequest;
import app.huberman.domain.subscription.PaymentProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Objects;

/**
 * Provider webhooks: no bearer token, authenticity comes from the signature. The raw bytes go to
 * the use case untouched, since signatures cover them exactly. 200 once stored (a duplicate too),
 * 400 when not authentic, 503 (from the mappers) when PostgreSQL is down so the provider retries.
 *
 * <p>One instance serves every request (it keeps no request state; the headers come as a method
 * parameter): building a {@code @Dependent} resource per request cost about a tenth of the JVM's
 * CPU under webhook load.
 */
@Path("v1/webhooks/{provider}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class WebhookResource {

  private static final Map<String, PaymentProvider> PROVIDERS =
      Map.of(
          "stripe", PaymentProvider.STRIPE,
          "apple", PaymentProvider.APPLE,
          "google", PaymentProvider.GOOGLE);

  /** {@code {"received": true, "duplicate": false}}. */
  public record WebhookAnswer(boolean received, boolean duplicate) {}

  private ReceiveWebhookUseCase webhooks;

  /** For the CDI proxy only. */
  protected WebhookResource() {}

  @Inject
  public WebhookResource(ReceiveWebhookUseCase webhooks) {
    this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
  }

  @POST
  public Response receive(
      @PathParam("provider") String provider, byte[] body, @Context HttpHeaders headers) {
    PaymentProvider known = PROVIDERS.get(provider);
    if (known == null) {
      throw new NotFoundException();
    }
    try {
      WebhookReceipt receipt =
          webhooks.receive(
              known,
              new WebhookRequest(body == null ? new byte[0] : body, headers.getRequestHeaders()));
      return Response.ok(new WebhookAnswer(true, receipt == WebhookReceipt.DUPLICATE)).build();
    } catch (InvalidNotificationException e) {
      return ErrorResponses.error(400, "Invalid webhook: " + e.getMessage()).build();
    }
  }
}
