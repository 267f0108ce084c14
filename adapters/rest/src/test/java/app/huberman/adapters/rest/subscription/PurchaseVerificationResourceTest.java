package app.huberman.adapters.rest.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.rest.common.ResourceServer;
import app.huberman.adapters.rest.common.TestCallers;
import app.huberman.adapters.rest.common.UseCaseCalls;
import app.huberman.application.shared.RateLimitedException;
import app.huberman.application.subscription.port.in.InvalidNotificationException;
import app.huberman.application.subscription.port.in.SandboxPurchaseRefusedException;
import app.huberman.application.subscription.port.in.SubscriptionView;
import app.huberman.domain.subscription.ClientPurchase;
import app.huberman.domain.subscription.PaymentProvider;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PurchaseVerificationResource} over HTTP: signed-in callers only, required fields checked
 * before the provider is asked, and each refusal a 422 on the field that carried the purchase.
 */
class PurchaseVerificationResourceTest {

  private final UseCaseCalls calls = new UseCaseCalls();
  @AutoClose private ResourceServer server;

  @BeforeEach
  void start() {
    server =
        ResourceServer.serving(
            new PurchaseVerificationResource(
                (caller, purchase, clientIp) -> {
                  assertThat(caller).isEqualTo(TestCallers.USER);
                  return calls.answer(purchase, SubscriptionView.none(PlanFixtures.free()));
                },
                ResourceServer.directClients()),
            TestCallers.bearerFilter());
  }

  @Test
  void onlyASignedInCallerMayReportAPurchase() {
    HttpResponse<String> answer =
        server.json("POST", "v1/subscriptions/apple/verify", "{\"signed_transaction\":\"x\"}");

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(calls.received()).isEmpty();
  }

  @Test
  void aVerifiedPurchaseAnswersTheCallersSubscription() {
    HttpResponse<String> apple = verify("apple", "{\"signed_transaction\":\"eyJ.x.y\"}");
    HttpResponse<String> google =
        verify("google", "{\"purchase_token\":\"tok\",\"product_id\":\"premium_monthly\"}");

    assertThat(apple.statusCode()).isEqualTo(200);
    assertThat(ResourceServer.jsonOf(apple).getString("status")).isEqualTo("none");
    assertThat(google.statusCode()).isEqualTo(200);
    assertThat(calls.received())
        .containsExactly(
            new ClientPurchase.AppleTransaction("eyJ.x.y"),
            new ClientPurchase.GooglePurchase("tok", "premium_monthly"));
  }

  @Test
  void missingFieldsAre422ByFieldAndTheProviderIsNotAsked() {
    JsonObject apple = ResourceServer.jsonOf(verify("apple", "{}"));
    JsonObject google = ResourceServer.jsonOf(verify("google", "null"));

    assertThat(apple.getJsonObject("errors").keySet()).containsExactly("signed_transaction");
    assertThat(google.getJsonObject("errors").keySet())
        .containsExactlyInAnyOrder("purchase_token", "product_id");
    assertThat(calls.received()).isEmpty();
  }

  @Test
  void aPurchaseThatDoesNotVerifyIs422OnItsField() {
    calls.refuseWith(new InvalidNotificationException("bad signature"));

    HttpResponse<String> answer = verify("apple", "{\"signed_transaction\":\"forged\"}");

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(
            ResourceServer.jsonOf(answer)
                .getJsonObject("errors")
                .getJsonArray("signed_transaction")
                .getString(0))
        .isEqualTo("The purchase could not be verified: bad signature");
  }

  @Test
  void aRefusedSandboxPurchaseIs422OnThePurchaseToken() {
    calls.refuseWith(new SandboxPurchaseRefusedException(PaymentProvider.GOOGLE));

    HttpResponse<String> answer =
        verify("google", "{\"purchase_token\":\"t\",\"product_id\":\"p\"}");

    assertThat(answer.statusCode()).isEqualTo(422);
    assertThat(ResourceServer.jsonOf(answer).getJsonObject("errors").keySet())
        .containsExactly("purchase_token");
  }

  @Test
  void pastTheLimitIs429() {
    calls.refuseWith(new RateLimitedException(Duration.ofSeconds(30)));

    HttpResponse<String> answer = verify("apple", "{\"signed_transaction\":\"x\"}");

    assertThat(answer.statusCode()).isEqualTo(429);
    assertThat(answer.headers().firstValue("Retry-After")).hasValue("30");
  }

  private HttpResponse<String> verify(String provider, String body) {
    return server.json(
        "POST",
        "v1/subscriptions/" + provider + "/verify",
        body,
        "Authorization",
        TestCallers.bearer(TestCallers.USER_TOKEN));
  }
}
