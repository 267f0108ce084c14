package app.huberman.adapters.rest.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.rest.common.JsonTestSupport;
import app.huberman.adapters.rest.subscription.SubscriptionResponses.NoSubscriptionResponse;
import app.huberman.adapters.rest.subscription.SubscriptionResponses.SubscriptionBody;
import app.huberman.adapters.rest.subscription.SubscriptionResponses.SubscriptionResponse;
import app.huberman.application.subscription.port.in.SubscriptionView;
import app.huberman.domain.subscription.Environment;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.subscription.SubscriptionId;
import app.huberman.domain.subscription.SubscriptionStatus;
import app.huberman.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The two answers about a user's subscription, byte for byte: the expected texts are what the
 * responses wrote when they were built from the aggregate's stored state, before the read model.
 */
class SubscriptionResponsesTest {

  private static final String FREE_PLAN =
      "{\"apple_product_id\":null,\"created_at\":\"2026-01-01T00:00:00Z\",\"currency\":\"USD\","
          + "\"description\":\"\",\"features\":[],\"google_product_id\":null,\"id\":1,"
          + "\"interval\":\"none\",\"is_active\":true,\"name\":\"Free\",\"price_cents\":0,"
          + "\"slug\":\"free\",\"stripe_price_id\":null,\"updated_at\":\"2026-01-01T00:00:00Z\"}";

  /** A canceled sandbox subscription claimed by user 3 whose plan is not known (the free one). */
  private static Subscription canceledSandboxSubscription() {
    return Subscription.rehydrate(
        new Subscription.State(
            new SubscriptionId(7),
            new ProviderSubscriptionRef(PaymentProvider.APPLE, "2000000123"),
            Environment.SANDBOX,
            Optional.of(UserId.of(3)),
            Optional.empty(),
            SubscriptionStatus.CANCELED,
            Optional.empty(),
            Optional.empty(),
            Optional.of(Instant.parse("2026-03-01T00:00:00Z")),
            Optional.empty(),
            Optional.of(Instant.parse("2026-02-01T10:11:12.345Z")),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            PlanFixtures.CREATED,
            Instant.parse("2026-02-03T04:05:06Z")));
  }

  @Test
  void aSubscriptionIsTheContractsSubscriptionWithEveryFieldAndNullsWrittenOut() {
    SubscriptionBody body =
        SubscriptionResponses.from(
            SubscriptionView.of(canceledSandboxSubscription(), PlanFixtures.free(), true));

    assertThat(body).isInstanceOf(SubscriptionResponse.class);
    assertThat(JsonTestSupport.toJson(body))
        .isEqualTo(
            "{\"active\":true,\"canceled_at\":\"2026-02-01T10:11:12.345Z\","
                + "\"created_at\":\"2026-01-01T00:00:00Z\",\"ends_at\":\"2026-03-01T00:00:00Z\","
                + "\"environment\":\"sandbox\",\"id\":7,\"plan\":"
                + FREE_PLAN
                + ",\"plan_id\":null,\"provider\":\"apple\",\"renews_at\":null,"
                + "\"status\":\"canceled\",\"trial_ends_at\":null,"
                + "\"updated_at\":\"2026-02-03T04:05:06Z\",\"user_id\":3}");
  }

  @Test
  void noSubscriptionIsTheContractsNoSubscriptionWithTheFreePlan() {
    SubscriptionBody body = SubscriptionResponses.from(SubscriptionView.none(PlanFixtures.free()));

    assertThat(body).isInstanceOf(NoSubscriptionResponse.class);
    assertThat(JsonTestSupport.toJson(body))
        .isEqualTo("{\"active\":false,\"plan\":" + FREE_PLAN + ",\"status\":\"none\"}");
  }
}
