package app.huberman.adapters.persistence.user;

import static app.huberman.application.user.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.adapters.persistence.PostgresTestDatabase;
import app.huberman.adapters.persistence.TransactionPerCall;
import app.huberman.application.user.UserRepositoryContract;
import app.huberman.application.user.port.out.DuplicateEmailException;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.PasswordHash;
import app.huberman.domain.user.User;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JpaUserRepositoryIT extends UserRepositoryContract {

  private static final Instant LATER = Instant.parse("2026-04-01T10:00:00Z");

  private static PostgresTestDatabase database;

  @BeforeAll
  static void createDatabase() throws Exception {
    database = PostgresTestDatabase.createMigrated("users");
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.close();
  }

  @Override
  protected UserRepository emptyRepository() {
    database.execute("DELETE FROM users");
    return repository();
  }

  private static UserRepository repository() {
    return TransactionPerCall.of(UserRepository.class, database, JpaUserRepository::new);
  }

  @Test
  void findsAnAddressWhoseLowerCaseJavaAndPostgresqlSpellDifferently() {
    UserRepository users = emptyRepository();
    Email greek = Email.of("ΟΔΥΣΣΕΥΣ@example.gr");
    assertThat(greek.normalized())
        .as("Java ends the word with a final sigma; PostgreSQL's lower() does not")
        .isEqualTo("οδυσσευς@example.gr");
    User odysseus = aUser().withId(users.nextId()).withEmail(greek.value()).build();

    users.add(odysseus);

    assertThat(users.findByEmail(greek)).get().extracting(User::id).isEqualTo(odysseus.id());
    assertThat(users.findByEmail(Email.of("Οδυσσευσ@example.gr")))
        .get()
        .extracting(User::id)
        .isEqualTo(odysseus.id());
  }

  @Test
  void updatingAUserChangedByAnotherTransactionSinceItWasReadFails() {
    UserRepository users = emptyRepository();
    User stored = aUser().withId(users.nextId()).build();
    users.add(stored);

    try (EntityManager entityManager = database.entityManagerFactory().createEntityManager()) {
      entityManager.getTransaction().begin();
      JpaUserRepository slow = new JpaUserRepository(entityManager);
      User read = slow.findById(stored.id()).orElseThrow();

      User meanwhile = users.findById(stored.id()).orElseThrow();
      meanwhile.changePassword(new PasswordHash("$argon2id$v=19$m=1,t=1,p=1$bmV3$bmV3"), LATER);
      users.update(meanwhile);

      read.changeProfile("Stale Ada", read.email(), LATER.plusSeconds(1));
      assertThatThrownBy(() -> slow.update(read)).isInstanceOf(OptimisticLockException.class);
      entityManager.getTransaction().rollback();
    }

    User after = users.findById(stored.id()).orElseThrow();
    assertThat(after.name()).isEqualTo(stored.name());
    assertThat(after.passwordHash().phc()).startsWith("$argon2id$v=19$m=1,");
  }

  @Test
  void countsVersionsInTheRow() {
    UserRepository users = emptyRepository();
    User user = aUser().withId(users.nextId()).build();
    users.add(user);
    user.promoteToAdmin(LATER);
    users.update(user);
    user.changeProfile("Ada King", user.email(), LATER.plusSeconds(1));
    users.update(user);

    assertThat(queryLong("SELECT version FROM users WHERE id = " + user.id().value())).isEqualTo(2);
  }

  @Test
  void refusesTheSecondOfTwoRacingRegistrationsOfOneEmail() throws Exception {
    UserRepository users = emptyRepository();
    User first = aUser().withId(users.nextId()).withEmail("ada@example.com").build();
    User second = aUser().withId(users.nextId()).withEmail("ADA@example.com").build();
    ExecutorService racer = Executors.newSingleThreadExecutor();
    try (EntityManager entityManager = database.entityManagerFactory().createEntityManager()) {
      entityManager.getTransaction().begin();
      new JpaUserRepository(entityManager).add(first);

      CompletableFuture<Void> racing =
          CompletableFuture.runAsync(() -> repository().add(second), racer);
      database.awaitALockWait();
      entityManager.getTransaction().commit();

      assertThatThrownBy(racing::join).hasCauseInstanceOf(DuplicateEmailException.class);
    } finally {
      racer.shutdownNow();
    }
    assertThat(users.findById(second.id())).isEmpty();
  }

  @Test
  void storesTheRoleAsItsName() {
    UserRepository users = emptyRepository();
    User user = aUser().withId(users.nextId()).build();
    users.add(user);
    user.promoteToAdmin(LATER);
    users.update(user);

    assertThat(queryString("SELECT role FROM users WHERE id = " + user.id().value()))
        .isEqualTo("ADMIN");
  }

  private static long queryLong(String sql) {
    return database.inTransaction(
        entityManager ->
            ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
  }

  private static String queryString(String sql) {
    return database
        .inTransaction(entityManager -> entityManager.createNativeQuery(sql).getSingleResult())
        .toString();
  }
}
