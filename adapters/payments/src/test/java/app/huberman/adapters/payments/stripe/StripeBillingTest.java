package app.huberman.adapters.payments.stripe;

import static app.huberman.adapters.payments.stripe.FakeStripe.CHECKOUT_SESSIONS;
import static app.huberman.adapters.payments.stripe.FakeStripe.CUSTOMERS;
import static app.huberman.adapters.payments.stripe.FakeStripe.PORTAL_SESSIONS;
import static app.huberman.adapters.payments.stripe.FakeStripe.form;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import app.huberman.adapters.payments.ProviderHttp;
import app.huberman.application.shared.ProviderUnavailableException;
import app.huberman.application.subscription.port.in.CheckoutSession;
import app.huberman.application.subscription.port.out.StripeBillingPort.UnknownStripeCustomerException;
import app.huberman.domain.user.Email;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The Stripe API client against a local fake of Stripe: what it sends, and how it retries. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StripeBillingTest {

  private static final UUID ACCOUNT = UUID.fromString("6f1c2a9e-3b7d-4c55-9a0e-2f4b8d1e7c30");

  private final FakeStripe stripe = new FakeStripe();
  private final List<Duration> waits = new ArrayList<>();
  private static final String SUCCESS_URL =
      "https://huberman.app/premium/welcome?session_id={CHECKOUT_SESSION_ID}";
  private static final String CANCEL_URL = "https://huberman.app/premium";
  private static final String RETURN_URL = "https://huberman.app/account";

  private final StripeApiSettings settings =
      new StripeApiSettings(
          Optional.of(FakeStripe.SECRET_KEY),
          stripe.baseUrl(),
          SUCCESS_URL,
          CANCEL_URL,
          RETURN_URL);
  private final StripeBilling billing =
      new StripeBilling(new StripeApi(ProviderHttp.create(), settings, waits::add), settings);

  @BeforeEach
  void reset() {
    stripe.reset();
    waits.clear();
  }

  @AfterAll
  void stop() {
    stripe.close();
  }

  @Test
  void createsACustomerNamingTheAccountUnderTheCallersIdempotencyKey() {
    String customer =
        billing.createCustomer(ACCOUNT, Email.of("ada@example.com"), "customer-" + ACCOUNT);

    assertThat(customer).isEqualTo(FakeStripe.customerFor("customer-" + ACCOUNT));
    LoggedRequest sent = only(CUSTOMERS);
    assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer " + FakeStripe.SECRET_KEY);
    assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("customer-" + ACCOUNT);
    assertThat(sent.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(form(sent))
        .containsExactly(
            entry("email", "ada@example.com"), entry("metadata[user_uuid]", ACCOUNT.toString()));
  }

  @Test
  void createsASubscriptionCheckoutSessionThatNamesTheAccountThreeWays() {
    CheckoutSession session = billing.createCheckoutSession("cus_ada", "price_monthly", ACCOUNT);

    assertThat(session.id()).isEqualTo(FakeStripe.SESSION);
    assertThat(session.url()).isEqualTo(URI.create(FakeStripe.SESSION_URL));
    assertThat(session.expiresAt()).isEqualTo(Instant.ofEpochSecond(FakeStripe.SESSION_EXPIRES_AT));
    LoggedRequest sent = only(CHECKOUT_SESSIONS);
    assertThat(form(sent))
        .containsExactly(
            entry("mode", "subscription"),
            entry("customer", "cus_ada"),
            entry("client_reference_id", ACCOUNT.toString()),
            entry("line_items[0][price]", "price_monthly"),
            entry("line_items[0][quantity]", "1"),
            entry("success_url", SUCCESS_URL),
            entry("cancel_url", CANCEL_URL),
            entry("metadata[user_uuid]", ACCOUNT.toString()),
            entry("subscription_data[metadata][user_uuid]", ACCOUNT.toString()));
    assertThat(form(sent).get("success_url")).endsWith("session_id={CHECKOUT_SESSION_ID}");
    assertThat(sent.getHeader("Idempotency-Key")).isNotBlank();
  }

  @Test
  void everySessionGetsAKeyOfItsOwn() {
    billing.createCheckoutSession("cus_ada", "price_monthly", ACCOUNT);
    billing.createCheckoutSession("cus_ada", "price_monthly", ACCOUNT);

    List<LoggedRequest> sent = stripe.requests(CHECKOUT_SESSIONS);
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).getHeader("Idempotency-Key"))
        .isNotEqualTo(sent.get(1).getHeader("Idempotency-Key"));
  }

  @Test
  void createsAPortalSessionReturningToTheApp() {
    assertThat(billing.createPortalSession("cus_ada").url())
        .isEqualTo(URI.create(FakeStripe.PORTAL_URL));

    assertThat(form(only(PORTAL_SESSIONS)))
        .containsExactly(entry("customer", "cus_ada"), entry("return_url", RETURN_URL));
  }

  @Test
  void aRateLimitIsRetriedAfterWhatStripeAsksWithTheSameKey() {
    stripe.failNext(
        CHECKOUT_SESSIONS,
        FakeStripe.error(429, "rate_limit_error", "rate_limit", "", "Too many requests")
            .withHeader("Retry-After", "2"));

    assertThat(billing.createCheckoutSession("cus_ada", "price_monthly", ACCOUNT).id())
        .isEqualTo(FakeStripe.SESSION);

    assertThat(waits).containsExactly(Duration.ofSeconds(2));
    assertSameKey(stripe.requests(CHECKOUT_SESSIONS), 2);
  }

  @Test
  void serverErrorsAreRetriedWithGrowingBackoffThenUnavailable() {
    stripe.answer(
        CHECKOUT_SESSIONS, FakeStripe.error(500, "api_error", "", "", "Something went wrong"));

    assertThatThrownBy(() -> billing.createCheckoutSession("cus_ada", "price_monthly", ACCOUNT))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("HTTP 500")
        .hasMessageContaining("req_fake_500");

    assertSameKey(stripe.requests(CHECKOUT_SESSIONS), StripeApi.ATTEMPTS);
    assertThat(waits).hasSize(StripeApi.ATTEMPTS - 1);
    assertThat(waits.get(0)).isBetween(Duration.ofMillis(500), Duration.ofMillis(750));
    assertThat(waits.get(1)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1500));
  }

  @Test
  void aServerErrorRecoveredFromOnTheSecondTryCreatesOneSession() {
    stripe.failNext(PORTAL_SESSIONS, aResponse().withStatus(503));

    assertThat(billing.createPortalSession("cus_ada").url())
        .isEqualTo(URI.create(FakeStripe.PORTAL_URL));

    assertSameKey(stripe.requests(PORTAL_SESSIONS), 2);
  }

  @Test
  void stripeShouldRetryDecidesOverTheStatus() {
    stripe.answer(
        CUSTOMERS,
        FakeStripe.error(500, "api_error", "", "", "Do not retry")
            .withHeader("Stripe-Should-Retry", "false"));

    assertThatThrownBy(() -> billing.createCustomer(ACCOUNT, Email.of("a@example.com"), "k1"))
        .isInstanceOf(ProviderUnavailableException.class);
    assertThat(stripe.requests(CUSTOMERS)).hasSize(1);

    stripe.reset();
    stripe.failNext(
        CUSTOMERS,
        FakeStripe.error(409, "invalid_request_error", "lock_timeout", "", "Lock timeout")
            .withHeader("Stripe-Should-Retry", "true"));
    assertThat(billing.createCustomer(ACCOUNT, Email.of("a@example.com"), "k2"))
        .isEqualTo(FakeStripe.customerFor("k2"));
    assertSameKey(stripe.requests(CUSTOMERS), 2);
  }

  @Test
  void aCustomerStripeDoesNotKnowIsSaidSo() {
    stripe.answer(CHECKOUT_SESSIONS, FakeStripe.noSuchCustomer("cus_gone"));
    stripe.answer(PORTAL_SESSIONS, FakeStripe.noSuchCustomer("cus_gone"));

    assertThatThrownBy(() -> billing.createCheckoutSession("cus_gone", "price_monthly", ACCOUNT))
        .isInstanceOf(UnknownStripeCustomerException.class);
    assertThatThrownBy(() -> billing.createPortalSession("cus_gone"))
        .isInstanceOf(UnknownStripeCustomerException.class);
    assertThat(stripe.requests(CHECKOUT_SESSIONS)).hasSize(1);
  }

  @Test
  void aRefusedRequestIsUnavailableWithStripesReasonAndNotRetried() {
    stripe.answer(
        CHECKOUT_SESSIONS,
        FakeStripe.error(
            400,
            "invalid_request_error",
            "resource_missing",
            "line_items[0][price]",
            "No such price: 'price_typo'"));

    assertThatThrownBy(() -> billing.createCheckoutSession("cus_ada", "price_typo", ACCOUNT))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("invalid_request_error/resource_missing")
        .hasMessageContaining("No such price")
        .hasMessageContaining("req_fake_400");
    assertThat(stripe.requests(CHECKOUT_SESSIONS)).hasSize(1);
  }

  @Test
  void aRefusedKeyIsUnavailableNotRetriedAndNeverShown() {
    stripe.answer(
        CUSTOMERS,
        FakeStripe.error(
            401, "invalid_request_error", "", "", "Invalid API Key provided: sk_test_****cdef"));

    assertThatThrownBy(() -> billing.createCustomer(ACCOUNT, Email.of("a@example.com"), "k"))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("refused our key")
        .hasMessageNotContaining(FakeStripe.SECRET_KEY);
    assertThat(stripe.requests(CUSTOMERS)).hasSize(1);
  }

  @Test
  void withoutASecretKeyNothingIsSent() {
    StripeApiSettings unset =
        new StripeApiSettings(
            Optional.empty(), stripe.baseUrl(), SUCCESS_URL, CANCEL_URL, RETURN_URL);
    StripeBilling unconfigured =
        new StripeBilling(new StripeApi(ProviderHttp.create(), unset, waits::add), unset);

    assertThat(unconfigured.configured()).isFalse();
    assertThatThrownBy(() -> unconfigured.createPortalSession("cus_ada"))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("STRIPE_SECRET_KEY");
    assertThat(stripe.requests(PORTAL_SESSIONS)).isEmpty();
  }

  @Test
  void anUnreachableStripeIsRetriedThenUnavailable() throws Exception {
    URI closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }
    StripeApiSettings nowhere = settings.withApiUrl(closed);
    StripeBilling unreachable =
        new StripeBilling(new StripeApi(ProviderHttp.create(), nowhere, waits::add), nowhere);

    assertThatThrownBy(() -> unreachable.createPortalSession("cus_ada"))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("cannot be reached");
    assertThat(waits).hasSize(StripeApi.ATTEMPTS - 1);
  }

  @Test
  void anAnswerWithoutWhatWeNeedIsUnavailable() {
    stripe.answer(CHECKOUT_SESSIONS, okJson("{\"id\":\"cs_1\",\"object\":\"checkout.session\"}"));
    stripe.answer(PORTAL_SESSIONS, aResponse().withStatus(200).withBody("<html>"));

    assertThatThrownBy(() -> billing.createCheckoutSession("cus_ada", "price_monthly", ACCOUNT))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("has no url");
    assertThatThrownBy(() -> billing.createPortalSession("cus_ada"))
        .isInstanceOf(ProviderUnavailableException.class)
        .hasMessageContaining("cannot be read");
  }

  @Test
  void settingsRefuseURLsThatAreNotHttpAndNeverShowTheKey() {
    assertThatThrownBy(
            () ->
                new StripeApiSettings(
                    Optional.of("sk_test_settings"),
                    stripe.baseUrl(),
                    "javascript:alert(1)",
                    CANCEL_URL,
                    RETURN_URL))
        .hasMessageContaining("CHECKOUT_SUCCESS_URL");
    assertThat(settings.toString()).doesNotContain(FakeStripe.SECRET_KEY).contains("(set)");
  }

  private LoggedRequest only(String path) {
    List<LoggedRequest> sent = stripe.requests(path);
    assertThat(sent).hasSize(1);
    return sent.getFirst();
  }

  private static void assertSameKey(List<LoggedRequest> sent, int tries) {
    assertThat(sent).hasSize(tries);
    assertThat(sent.stream().map(request -> request.getHeader("Idempotency-Key")).distinct())
        .hasSize(1);
    assertThat(sent.stream().map(LoggedRequest::getBodyAsString).distinct()).hasSize(1);
  }
}
