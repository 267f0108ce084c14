package app.huberman.adapters.persistence.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.persistence.PostgresTestDatabase;
import app.huberman.application.subscription.PlanRepositoryContract;
import app.huberman.application.subscription.port.out.PlanRepository;
import app.huberman.domain.subscription.BillingInterval;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.Plan;
import app.huberman.domain.subscription.PlanId;
import app.huberman.domain.subscription.PlanSlug;
import app.huberman.domain.subscription.ProviderProductIds;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JpaPlanRepositoryIT extends PlanRepositoryContract {

  private static PostgresTestDatabase database;

  @BeforeAll
  static void createDatabase() throws Exception {
    database = PostgresTestDatabase.createMigrated("plans");
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.close();
  }

  @Override
  protected PlanRepository repositoryWith(Plan... plans) {
    database.execute("DELETE FROM plans");
    database.run(
        entityManager -> {
          for (Plan plan : plans) {
            entityManager.persist(PlanJpaMapper.toNewRow(plan));
          }
        });
    return new TransactionalReads(database);
  }

  @Test
  void theMigrationSeedsTheThreePlansOfTheCatalogue() throws Exception {
    try (PostgresTestDatabase fresh = PostgresTestDatabase.createMigrated("seeds")) {
      assertSeededCatalogue(new TransactionalReads(fresh).findAllActive());
    }
  }

  private static void assertSeededCatalogue(List<Plan> catalogue) {

    assertThat(catalogue)
        .extracting(plan -> plan.slug().value())
        .containsExactly("free", "premium-monthly", "premium-annual");
    Plan free = catalogue.get(0);
    assertThat(free.isPremium()).isFalse();
    assertThat(free.interval()).isEqualTo(BillingInterval.NONE);
    assertThat(free.productIds()).isEqualTo(ProviderProductIds.NONE);
    Plan annual = catalogue.get(2);
    assertThat(annual.interval()).isEqualTo(BillingInterval.YEAR);
    assertThat(annual.price().currency()).isEqualTo("USD");
    assertThat(annual.productIds().appleProductId()).contains("app.huberman.premium.annual");
    assertThat(annual.productIds().googleProductId()).contains("premium_annual");
    assertThat(annual.productIds().stripePriceId()).isPresent();
    assertThat(annual.features()).contains("full_protocol_library");
  }

  @Test
  void mapsEachProvidersProductToItsPlan() throws Exception {
    try (PostgresTestDatabase fresh = PostgresTestDatabase.createMigrated("products")) {
      assertProductMapping(new TransactionalReads(fresh));
    }
  }

  private static void assertProductMapping(PlanRepository plans) {
    assertThat(plans.findByProviderProduct(PaymentProvider.STRIPE, "price_premium_monthly"))
        .map(plan -> plan.slug().value())
        .contains("premium-monthly");
    assertThat(plans.findByProviderProduct(PaymentProvider.APPLE, "app.huberman.premium.annual"))
        .map(plan -> plan.slug().value())
        .contains("premium-annual");
    assertThat(plans.findByProviderProduct(PaymentProvider.GOOGLE, "premium_monthly"))
        .map(plan -> plan.slug().value())
        .contains("premium-monthly");
    assertThat(plans.findByProviderProduct(PaymentProvider.GOOGLE, "app.huberman.premium.annual"))
        .isEmpty();
    Plan free = plans.findBySlug(PlanSlug.FREE).orElseThrow();
    assertThat(plans.findById(free.id())).contains(free);
  }

  /** The JPA repository with each call in its own transaction, as the unit of work provides. */
  private record TransactionalReads(PostgresTestDatabase database) implements PlanRepository {

    @Override
    public List<Plan> findAllActive() {
      return database.inTransaction(
          entityManager -> new JpaPlanRepository(entityManager).findAllActive());
    }

    @Override
    public java.util.Optional<Plan> findBySlug(PlanSlug slug) {
      return database.inTransaction(
          entityManager -> new JpaPlanRepository(entityManager).findBySlug(slug));
    }

    @Override
    public java.util.Optional<Plan> findById(PlanId id) {
      return database.inTransaction(
          entityManager -> new JpaPlanRepository(entityManager).findById(id));
    }

    @Override
    public java.util.Optional<Plan> findByProviderProduct(
        PaymentProvider provider, String product) {
      return database.inTransaction(
          entityManager ->
              new JpaPlanRepository(entityManager).findByProviderProduct(provider, product));
    }
  }
}
