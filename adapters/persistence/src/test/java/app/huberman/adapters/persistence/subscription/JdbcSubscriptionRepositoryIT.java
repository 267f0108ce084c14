package app.huberman.adapters.persistence.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.persistence.Jdbc;
import app.huberman.adapters.persistence.MigratedDatabase;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.SubscriptionRepositoryContract;
import app.huberman.application.subscription.port.out.SubscriptionRepository;
import app.huberman.domain.subscription.Observation;
import app.huberman.domain.subscription.PaymentProvider;
import app.huberman.domain.subscription.PlanId;
import app.huberman.domain.subscription.ProviderEvent;
import app.huberman.domain.subscription.ProviderSubscriptionRef;
import app.huberman.domain.subscription.Subscription;
import app.huberman.domain.subscription.SubscriptionStatus;
import app.huberman.domain.user.UserId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class JdbcSubscriptionRepositoryIT extends SubscriptionRepositoryContract {

  @RegisterExtension static final MigratedDatabase DB = new MigratedDatabase("subscriptions");

  private static final AtomicInteger USERS = new AtomicInteger();

  private final ExecutorService racers = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopRacers() {
    racers.shutdownNow();
  }

  @Override
  protected SubscriptionRepository emptyRepository() {
    DB.database().execute("DELETE FROM subscriptions");
    return repository();
  }

  @Override
  protected UnitOfWorkPort transactions() {
    return DB.transactions();
  }

  @Override
  protected UserId aStoredUser() {
    int n = USERS.incrementAndGet();
    return UserId.of(
        queryLong(
            "INSERT INTO users (uuid, name, email, password, role, created_at, updated_at)"
                + " VALUES (gen_random_uuid(), 'User "
                + n
                + "', 'user"
                + n
                + "@example.com', 'x', 'USER', now(), now()) RETURNING id"));
  }

  @Override
  protected PlanId aPremiumPlan() {
    return PlanId.of(queryLong("SELECT id FROM plans WHERE slug = 'premium-monthly'"));
  }

  @Override
  protected PlanId theFreePlan() {
    return PlanId.of(queryLong("SELECT id FROM plans WHERE slug = 'free'"));
  }

  private static JdbcSubscriptionRepository repository() {
    return new JdbcSubscriptionRepository(DB.transactions().dataSource());
  }

  @Test
  void twoTransactionsStartingOneSubscriptionAtOnceMeetOnOneRow() throws Exception {
    ProviderSubscriptionRef ref = aRef(PaymentProvider.APPLE);
    CountDownLatch commitFirst = new CountDownLatch(1);
    CompletableFuture<Subscription> first = activateAndHold(ref, commitFirst);

    CompletableFuture<Subscription> second = lockOrStartAsync(ref);
    DB.database().awaitALockWait();
    assertThat(second).isNotDone();
    commitFirst.countDown();

    Subscription seen = second.get(10, TimeUnit.SECONDS);
    assertThat(seen.id()).isEqualTo(first.get(10, TimeUnit.SECONDS).id());
    assertThat(seen.status())
        .as("the first one's committed state")
        .isEqualTo(SubscriptionStatus.ACTIVE);
    assertThat(queryLong("SELECT count(*) FROM subscriptions")).isEqualTo(1);
  }

  @Test
  void aSecondLockOnAStoredSubscriptionWaitsAndSeesTheFirstOnesChange() throws Exception {
    ProviderSubscriptionRef ref = aRef(PaymentProvider.STRIPE);
    DB.transactions().atomically(() -> repository().lockOrStart(ref, T0));
    CountDownLatch commitFirst = new CountDownLatch(1);
    CompletableFuture<Subscription> first = activateAndHold(ref, commitFirst);

    CompletableFuture<Subscription> second = lockOrStartAsync(ref);
    DB.database().awaitALockWait();
    commitFirst.countDown();
    first.get(10, TimeUnit.SECONDS);

    assertThat(second.get(10, TimeUnit.SECONDS).status()).isEqualTo(SubscriptionStatus.ACTIVE);
  }

  /**
   * On another thread, a transaction that locks (or starts) the subscription, activates and saves
   * it, then keeps its lock, uncommitted, until {@code commit} opens. Returns once it holds the
   * lock.
   */
  private CompletableFuture<Subscription> activateAndHold(
      ProviderSubscriptionRef ref, CountDownLatch commit) {
    JdbcSubscriptionRepository subscriptions = repository();
    CountDownLatch holding = new CountDownLatch(1);
    CompletableFuture<Subscription> first =
        CompletableFuture.supplyAsync(
            () ->
                DB.transactions()
                    .atomically(
                        () -> {
                          Subscription locked = subscriptions.lockOrStart(ref, T0);
                          activate(locked, "evt_first");
                          subscriptions.save(locked);
                          holding.countDown();
                          await(commit);
                          return locked;
                        }),
            racers);
    await(holding);
    return first;
  }

  private CompletableFuture<Subscription> lockOrStartAsync(ProviderSubscriptionRef ref) {
    JdbcSubscriptionRepository subscriptions = repository();
    return CompletableFuture.supplyAsync(
        () -> DB.transactions().atomically(() -> subscriptions.lockOrStart(ref, T0)), racers);
  }

  @Test
  void deletingTheOwnerKeepsThePurchaseButUnlinksIt() {
    JdbcSubscriptionRepository subscriptions = repository();
    UserId owner = aStoredUser();
    Subscription subscription =
        DB.transactions()
            .atomically(
                () -> {
                  Subscription started =
                      subscriptions.lockOrStart(aRef(PaymentProvider.GOOGLE), T0);
                  started.bindTo(owner, T0);
                  subscriptions.save(started);
                  return started;
                });

    DB.database().execute("DELETE FROM users WHERE id = " + owner.value());

    assertThat(DB.transactions().atomically(() -> subscriptions.lock(subscription.id())))
        .get()
        .extracting(Subscription::owner)
        .isEqualTo(Optional.empty());
  }

  @Test
  void storesProviderStatusAndEnvironmentInLowerCase() {
    JdbcSubscriptionRepository subscriptions = repository();
    DB.transactions()
        .atomically(
            () -> {
              Subscription started = subscriptions.lockOrStart(aRef(PaymentProvider.GOOGLE), T0);
              started.apply(
                  event(started.ref(), "evt_1", Observation.of(SubscriptionStatus.PAST_DUE)),
                  Optional.empty(),
                  Optional.empty(),
                  T0);
              subscriptions.save(started);
              return null;
            });

    assertThat(
            queryString(
                "SELECT provider || ' ' || status || ' ' || environment FROM subscriptions"))
        .isEqualTo("google past_due production");
  }

  @Test
  void theExpiryRecheckAndPremiumQueriesSearchTheirIndexes() {
    String due = plan(JdbcSubscriptionRepository.FIND_DUE_FOR_EXPIRY, T0, 10, T0, T0, 10, 10);
    String recheck =
        plan(
            JdbcSubscriptionRepository.PICK_OVERDUE_FOR_RECHECK,
            T0,
            T0,
            new String[] {"apple", "google"},
            T0,
            10);
    String premium = plan(JdbcSubscriptionRepository.COUNT_GRANTING_PREMIUM_ACCESS, T0, T0, T0);

    // "Index Cond" on the CASE: the index is searched by it, not merely read whole and filtered.
    assertThat(due)
        .contains("subscriptions_due_for_expiry_idx", "Index Cond: (CASE status")
        .contains("subscriptions_active_renews_at_idx", "Index Cond: (renews_at <=");
    assertThat(recheck).contains("subscriptions_active_renews_at_idx", "Index Cond: (renews_at <=");
    assertThat(premium).contains("subscriptions_access_until_idx", "Index Cond: (CASE status");
  }

  /** The plan PostgreSQL picks for the query when a sequential scan is all but forbidden. */
  private static String plan(String query, Object... parameters) {
    try (Connection connection = DB.database().dataSource().getConnection();
        Statement settings = connection.createStatement();
        PreparedStatement explain = connection.prepareStatement("EXPLAIN " + query)) {
      settings.execute("SET enable_seqscan = off");
      Jdbc.bind(explain, parameters);
      StringBuilder plan = new StringBuilder();
      try (ResultSet rows = explain.executeQuery()) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      }
      return plan.toString();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void activate(Subscription subscription, String eventId) {
    subscription.apply(
        event(subscription.ref(), eventId, Observation.of(SubscriptionStatus.ACTIVE)),
        Optional.empty(),
        Optional.empty(),
        T0);
  }

  private static ProviderEvent event(
      ProviderSubscriptionRef ref, String eventId, Observation observation) {
    return new ProviderEvent(
        ref, eventId, "test.event", T0, Optional.empty(), Optional.of(observation));
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("Timed out waiting for the other transaction");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static long queryLong(String sql) {
    return Long.parseLong(queryString(sql));
  }

  private static String queryString(String sql) {
    try (Connection connection = DB.database().dataSource().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getString(1);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
