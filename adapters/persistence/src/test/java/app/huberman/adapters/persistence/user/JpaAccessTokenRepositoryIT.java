package app.huberman.adapters.persistence.user;

import static app.huberman.application.user.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.persistence.PostgresTestDatabase;
import app.huberman.adapters.persistence.TransactionPerCall;
import app.huberman.application.user.AccessTokenRepositoryContract;
import app.huberman.application.user.port.out.AccessTokenRepository;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.domain.user.AccessToken;
import app.huberman.domain.user.User;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class JpaAccessTokenRepositoryIT extends AccessTokenRepositoryContract {

  private static PostgresTestDatabase database;

  @BeforeAll
  static void createDatabase() throws Exception {
    database = PostgresTestDatabase.createMigrated("tokens");
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.close();
  }

  @Override
  protected Stores emptyStores() {
    database.execute("DELETE FROM users");
    return new Stores(
        TransactionPerCall.of(UserRepository.class, database, JpaUserRepository::new),
        TransactionPerCall.of(
            AccessTokenRepository.class, database, JpaAccessTokenRepository::new));
  }

  @Test
  void givesANewTokenEveryAbility() {
    Stores stores = emptyStores();
    User user = aUser().withId(stores.users().nextId()).build();
    stores.users().add(user);
    long id = stores.tokens().nextId();
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    stores
        .tokens()
        .add(
            new AccessToken(
                id, user.id(), "%064x".formatted(id), "api", Optional.empty(), now, now));

    Object abilities =
        database.inTransaction(
            entityManager ->
                entityManager
                    .createNativeQuery(
                        "SELECT abilities::text FROM personal_access_tokens WHERE id = " + id)
                    .getSingleResult());
    assertThat(abilities).isEqualTo("[\"*\"]");
  }
}
