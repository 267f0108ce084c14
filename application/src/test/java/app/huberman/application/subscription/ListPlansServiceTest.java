package app.huberman.application.subscription;

import static app.huberman.application.subscription.PlanTestData.aFreePlan;
import static app.huberman.application.subscription.PlanTestData.aPremiumMonthlyPlan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.shared.DependencyUnavailableException;
import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.shared.MutableClock;
import app.huberman.application.shared.port.out.DegradationEventsPort;
import app.huberman.application.subscription.port.out.PlanRepository;
import app.huberman.application.subscription.service.ListPlansService;
import app.huberman.application.subscription.service.PlansRefresh;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.Plan;
import app.huberman.domain.subscription.PlanId;
import app.huberman.domain.subscription.PlanSlug;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The plan catalogue, read once and kept for {@code PLANS_REFRESH}. */
class ListPlansServiceTest {

  private static final Duration REFRESH = Duration.ofSeconds(60);

  private final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final List<String> fallbacks = new ArrayList<>();
  private final DegradationEventsPort degradation =
      (dependency, capability, cause) -> fallbacks.add(dependency + " " + capability);
  private final InMemoryPlanRepository plans =
      new InMemoryPlanRepository()
          .add(
              aPremiumMonthlyPlan().withId(2).build(),
              aFreePlan().withId(1).build(),
              aPremiumMonthlyPlan().withId(3).withSlug("legacy").inactive().build());

  private ListPlansService refreshedEvery(Duration refresh) {
    return new ListPlansService(plans, unitOfWork, degradation, clock, new PlansRefresh(refresh));
  }

  private static List<String> slugs(List<Plan> catalogue) {
    return catalogue.stream().map(plan -> plan.slug().value()).toList();
  }

  @Test
  void listsTheActiveCatalogueInOneReadOnlyTransaction() {
    ListPlansService service = refreshedEvery(REFRESH);

    assertThat(slugs(service.listActivePlans())).containsExactly("free", "premium-monthly");
    assertThat(unitOfWork.readOnlyTransactions()).isEqualTo(1);
    assertThat(unitOfWork.transactions()).isZero();
  }

  @Test
  void withinTheRefreshIntervalTheSameCatalogueIsServedFromMemory() {
    ListPlansService service = refreshedEvery(REFRESH);
    List<Plan> first = service.listActivePlans();
    plans.add(aPremiumMonthlyPlan().withId(4).withSlug("premium-annual").build());

    clock.advance(REFRESH.minusMillis(1));
    List<Plan> later = service.listActivePlans();

    assertThat(later).isSameAs(first);
    assertThat(plans.activeCatalogueReads()).isEqualTo(1);
  }

  @Test
  void afterTheRefreshIntervalTheCatalogueIsReadAgainAndAChangeIsServed() {
    ListPlansService service = refreshedEvery(REFRESH);
    service.listActivePlans();
    plans.add(aPremiumMonthlyPlan().withId(4).withSlug("premium-annual").build());

    clock.advance(REFRESH);

    assertThat(slugs(service.listActivePlans()))
        .containsExactly("free", "premium-annual", "premium-monthly");
    assertThat(plans.activeCatalogueReads()).isEqualTo(2);
  }

  @Test
  void aCatalogueReadAgainUnchangedIsAnsweredAsTheSameList() {
    ListPlansService service = refreshedEvery(REFRESH);
    List<Plan> first = service.listActivePlans();

    clock.advance(REFRESH);
    List<Plan> again = service.listActivePlans();

    assertThat(plans.activeCatalogueReads()).isEqualTo(2);
    assertThat(again).isSameAs(first);
  }

  @Test
  void whilePostgresIsDownTheLastCatalogueIsServedReportedOnceAndRetriedEveryFiveSeconds() {
    ListPlansService service = refreshedEvery(REFRESH);
    List<Plan> known = service.listActivePlans();
    plans.unreachable(true);

    clock.advance(REFRESH);
    List<Plan> duringOutage = service.listActivePlans();
    clock.advance(Duration.ofSeconds(4));
    service.listActivePlans();
    clock.advance(Duration.ofSeconds(1));
    List<Plan> retried = service.listActivePlans();

    assertThat(duringOutage).isSameAs(known);
    assertThat(retried).isSameAs(known);
    assertThat(plans.activeCatalogueReads()).as("first read and two retries").isEqualTo(3);
    assertThat(fallbacks).containsExactly("database plans");
  }

  @Test
  void onceBackThePlansAreReadAgainAndTheNextOutageIsReportedAgain() {
    ListPlansService service = refreshedEvery(REFRESH);
    service.listActivePlans();
    plans.unreachable(true);
    clock.advance(REFRESH);
    service.listActivePlans();

    plans.unreachable(false);
    plans.add(aPremiumMonthlyPlan().withId(4).withSlug("premium-annual").build());
    clock.advance(Duration.ofSeconds(5));
    List<Plan> recovered = service.listActivePlans();
    plans.unreachable(true);
    clock.advance(REFRESH);
    service.listActivePlans();

    assertThat(slugs(recovered)).contains("premium-annual");
    assertThat(fallbacks).containsExactly("database plans", "database plans");
  }

  @Test
  void withoutAnyCatalogueReadYetAnOutageIsUnavailableAsBefore() {
    ListPlansService service = refreshedEvery(REFRESH);
    plans.unreachable(true);

    assertThatThrownBy(service::listActivePlans).isInstanceOf(DependencyUnavailableException.class);
    plans.unreachable(false);
    assertThat(slugs(service.listActivePlans())).containsExactly("free", "premium-monthly");
    assertThat(fallbacks).isEmpty();
  }

  @Test
  void aRefreshShorterThanTheRetryIsRetriedAfterTheRefresh() {
    ListPlansService service = refreshedEvery(Duration.ofSeconds(2));
    service.listActivePlans();
    plans.unreachable(true);
    clock.advance(Duration.ofSeconds(2));
    service.listActivePlans();

    clock.advance(Duration.ofSeconds(2));
    service.listActivePlans();

    assertThat(plans.activeCatalogueReads()).isEqualTo(3);
  }

  @Test
  void whileOneRequestReadsAgainTheOthersAnswerTheKeptCatalogueWithoutReading() throws Exception {
    CountDownLatch reading = new CountDownLatch(1);
    CompletableFuture<Void> release = new CompletableFuture<>();
    AtomicInteger reads = new AtomicInteger();
    PlanRepository slowSecondRead =
        new PlanRepository() {
          @Override
          public List<Plan> findAllActive() {
            if (reads.incrementAndGet() == 2) {
              reading.countDown();
              release.orTimeout(10, TimeUnit.SECONDS).join();
            }
            return plans.findAllActive();
          }

          @Override
          public Optional<Plan> findBySlug(PlanSlug slug) {
            return plans.findBySlug(slug);
          }

          @Override
          public Optional<Plan> findById(PlanId id) {
            return plans.findById(id);
          }

          @Override
          public Optional<Plan> findByProviderProduct(PaymentProvider provider, String productId) {
            return plans.findByProviderProduct(provider, productId);
          }
        };
    ListPlansService service =
        new ListPlansService(
            slowSecondRead, unitOfWork, degradation, clock, new PlansRefresh(REFRESH));
    List<Plan> first = service.listActivePlans();
    clock.advance(REFRESH);

    try (ExecutorService refresher = Executors.newSingleThreadExecutor()) {
      Future<List<Plan>> refreshing = refresher.submit(service::listActivePlans);
      assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

      assertThat(service.listActivePlans()).isSameAs(first);
      assertThat(reads).hasValue(2);
      release.complete(null);
      assertThat(refreshing.get(10, TimeUnit.SECONDS)).isSameAs(first);
    }
  }

  @Test
  void aZeroRefreshKeepsNothingAndReadsEveryTime() {
    ListPlansService service = refreshedEvery(Duration.ZERO);
    service.listActivePlans();
    service.listActivePlans();
    plans.unreachable(true);

    assertThatThrownBy(service::listActivePlans).isInstanceOf(DependencyUnavailableException.class);
    assertThat(plans.activeCatalogueReads()).isEqualTo(3);
  }

  @Test
  void aNegativeRefreshIsRefused() {
    assertThatThrownBy(() -> new PlansRefresh(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PLANS_REFRESH cannot be negative");
  }
}
