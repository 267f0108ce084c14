package app.huberman.application.user;

import static app.huberman.application.user.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.user.port.out.AccessTokenRepository;
import app.huberman.application.user.port.out.AccessTokenRepository.WithOwner;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.domain.user.AccessToken;
import app.huberman.domain.user.User;
import app.huberman.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccessTokenRepository} must do, together with the {@link UserRepository} its
 * tokens' owners are in: a token belongs to a stored user and goes when the user goes.
 */
public abstract class AccessTokenRepositoryContract {

  private static final Instant ISSUED_AT = Instant.parse("2026-03-01T12:00:00.654321Z");
  private static final Instant EXPIRES_AT = ISSUED_AT.plus(Duration.ofDays(30));

  private UserRepository users;
  private AccessTokenRepository tokens;
  private User ada;

  /** The two stores, empty, as they are in one database. */
  public record Stores(UserRepository users, AccessTokenRepository tokens) {}

  protected abstract Stores emptyStores();

  @BeforeEach
  void storeAUser() {
    Stores stores = emptyStores();
    users = stores.users();
    tokens = stores.tokens();
    ada = storedUser("ada@example.com");
  }

  @Test
  void handsOutADifferentPositiveIdEachTime() {
    long first = tokens.nextId();
    long second = tokens.nextId();

    assertThat(first).isPositive();
    assertThat(second).isPositive().isNotEqualTo(first);
  }

  @Test
  void returnsEveryFieldAsStored() {
    AccessToken fresh = tokenOf(ada.id(), EXPIRES_AT);
    AccessToken used =
        new AccessToken(
            tokens.nextId(),
            ada.id(),
            hash(7),
            "Ada's phone",
            Optional.of(ISSUED_AT.plusSeconds(61)),
            EXPIRES_AT,
            ISSUED_AT);

    tokens.add(fresh);
    tokens.add(used);

    assertThat(tokens.findById(fresh.id())).contains(fresh);
    assertThat(tokens.findById(used.id())).contains(used);
  }

  @Test
  void findsNothingForAnUnknownId() {
    tokens.add(tokenOf(ada.id(), EXPIRES_AT));

    assertThat(tokens.findById(tokens.nextId())).isEmpty();
  }

  @Test
  void findsATokenWithItsOwner() {
    User grace = storedUser("grace@example.com");
    AccessToken graces = tokenOf(grace.id(), EXPIRES_AT);
    tokens.add(tokenOf(ada.id(), EXPIRES_AT));
    tokens.add(graces);

    assertThat(tokens.findWithOwner(graces.id()))
        .get()
        .usingRecursiveComparison()
        .isEqualTo(new WithOwner(graces, grace));
    assertThat(tokens.findWithOwner(tokens.nextId())).isEmpty();
  }

  @Test
  void refusesATokenOfAUserThatIsNotStored() {
    AccessToken orphan = tokenOf(users.nextId(), EXPIRES_AT);

    assertThatThrownBy(() -> tokens.add(orphan)).isInstanceOf(RuntimeException.class);
  }

  @Test
  void recordsTheLastUseAndNothingElse() {
    AccessToken token = tokenOf(ada.id(), EXPIRES_AT);
    tokens.add(token);
    Instant firstUse = ISSUED_AT.plusSeconds(5);
    Instant secondUse = ISSUED_AT.plusSeconds(300);

    tokens.recordUse(token.id(), firstUse);
    tokens.recordUse(token.id(), secondUse);

    assertThat(tokens.findById(token.id()))
        .contains(
            new AccessToken(
                token.id(),
                token.userId(),
                token.secretHash(),
                token.name(),
                Optional.of(secondUse),
                token.expiresAt(),
                token.createdAt()));
  }

  @Test
  void recordingAUseOfAnUnknownTokenChangesNothing() {
    AccessToken token = tokenOf(ada.id(), EXPIRES_AT);
    tokens.add(token);

    tokens.recordUse(tokens.nextId(), ISSUED_AT.plusSeconds(5));

    assertThat(tokens.findById(token.id())).contains(token);
  }

  @Test
  void deletesOneToken() {
    AccessToken revoked = tokenOf(ada.id(), EXPIRES_AT);
    AccessToken kept = tokenOf(ada.id(), EXPIRES_AT);
    tokens.add(revoked);
    tokens.add(kept);

    tokens.delete(revoked.id());

    assertThat(tokens.findById(revoked.id())).isEmpty();
    assertThat(tokens.findById(kept.id())).contains(kept);
  }

  @Test
  void deletingAnUnknownTokenChangesNothing() {
    AccessToken token = tokenOf(ada.id(), EXPIRES_AT);
    tokens.add(token);

    tokens.delete(tokens.nextId());

    assertThat(tokens.findById(token.id())).contains(token);
  }

  @Test
  void deletesEveryTokenOfOneUserAndCountsThem() {
    User grace = storedUser("grace@example.com");
    AccessToken first = tokenOf(ada.id(), EXPIRES_AT);
    AccessToken second = tokenOf(ada.id(), EXPIRES_AT);
    AccessToken graces = tokenOf(grace.id(), EXPIRES_AT);
    tokens.add(first);
    tokens.add(second);
    tokens.add(graces);

    assertThat(tokens.deleteAllOf(ada.id())).isEqualTo(2);

    assertThat(tokens.findById(first.id())).isEmpty();
    assertThat(tokens.findById(second.id())).isEmpty();
    assertThat(tokens.findById(graces.id())).contains(graces);
    assertThat(tokens.deleteAllOf(ada.id())).isZero();
  }

  @Test
  void deletesTheTokensExpiredAtThatTimeAndCountsThem() {
    Instant now = EXPIRES_AT;
    AccessToken expiredEarlier = tokenOf(ada.id(), now.minusSeconds(1));
    AccessToken expiringNow = tokenOf(ada.id(), now);
    AccessToken valid = tokenOf(ada.id(), now.plusNanos(1_000));
    tokens.add(expiredEarlier);
    tokens.add(expiringNow);
    tokens.add(valid);

    assertThat(tokens.deleteExpired(now)).isEqualTo(2);

    assertThat(expiringNow.isExpiredAt(now)).as("what the domain calls expired").isTrue();
    assertThat(tokens.findById(expiredEarlier.id())).isEmpty();
    assertThat(tokens.findById(expiringNow.id())).isEmpty();
    assertThat(tokens.findById(valid.id())).contains(valid);
  }

  @Test
  void deletingAUserDeletesTheirTokens() {
    User grace = storedUser("grace@example.com");
    AccessToken adas = tokenOf(ada.id(), EXPIRES_AT);
    AccessToken graces = tokenOf(grace.id(), EXPIRES_AT);
    tokens.add(adas);
    tokens.add(graces);

    users.delete(ada.id());

    assertThat(tokens.findById(adas.id())).isEmpty();
    assertThat(tokens.findWithOwner(adas.id())).isEmpty();
    assertThat(tokens.findById(graces.id())).contains(graces);
  }

  private User storedUser(String email) {
    User user = aUser().withId(users.nextId()).withEmail(email).build();
    users.add(user);
    return user;
  }

  private AccessToken tokenOf(UserId owner, Instant expiresAt) {
    long id = tokens.nextId();
    return new AccessToken(id, owner, hash(id), "api", Optional.empty(), expiresAt, ISSUED_AT);
  }

  /** Shaped like a hex SHA-256, and different for each token. */
  private static String hash(long seed) {
    return "%064x".formatted(seed);
  }
}
