package app.huberman.application.user;

import static app.huberman.application.user.UserTestData.REGISTERED_AT;
import static app.huberman.application.user.UserTestData.aUser;
import static app.huberman.application.user.UserTestData.anAdmin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.user.port.out.DuplicateEmailException;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.PasswordHash;
import app.huberman.domain.user.Role;
import app.huberman.domain.user.User;
import app.huberman.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link UserRepository} must do. The in-memory fake and the JPA adapter both extend it,
 * so service tests that use the fake say something true about production.
 */
public abstract class UserRepositoryContract {

  private static final Instant LATER = REGISTERED_AT.plus(Duration.ofDays(3));

  private UserRepository users;

  /** A repository that stores no user; ids it hands out may be any positive numbers. */
  protected abstract UserRepository emptyRepository();

  @BeforeEach
  void startEmpty() {
    users = emptyRepository();
  }

  @Test
  void handsOutADifferentIdEachTime() {
    UserId first = users.nextId();
    UserId second = users.nextId();

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void returnsEveryFieldAsStored() {
    User stored =
        anAdmin()
            .withId(users.nextId())
            .withUuid(UUID.fromString("6f1c2a9e-3b7d-4c55-9a0e-2f4b8d1e7c30"))
            .withName("Ada Lövelace 李")
            .withEmail("Ada.Lovelace@Example.com")
            .withPasswordHash("$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA")
            .verifiedAt(REGISTERED_AT.plusSeconds(90))
            .updatedAt(LATER)
            .build();

    users.add(stored);

    assertThat(users.findById(stored.id())).get().usingRecursiveComparison().isEqualTo(stored);
  }

  @Test
  void keepsAnUnverifiedEmailUnverified() {
    User stored = aUser().withId(users.nextId()).build();

    users.add(stored);

    assertThat(users.findById(stored.id()).orElseThrow().emailVerifiedAt()).isEmpty();
  }

  @Test
  void findsNothingForAnUnknownId() {
    users.add(aUser().withId(users.nextId()).build());

    assertThat(users.findById(users.nextId())).isEmpty();
  }

  @Test
  void findsAUserByEmailInAnyCaseAndKeepsTheCaseTheyTyped() {
    User stored = aUser().withId(users.nextId()).withEmail("Ada.Lovelace@Example.com").build();
    users.add(stored);

    Optional<User> found = users.findByEmail(Email.of("ada.lovelace@EXAMPLE.COM"));

    assertThat(found).get().usingRecursiveComparison().isEqualTo(stored);
    assertThat(found.orElseThrow().email().value()).isEqualTo("Ada.Lovelace@Example.com");
  }

  @Test
  void ignoresTheCaseOfLettersBeyondAscii() {
    User stored = aUser().withId(users.nextId()).withEmail("Ärger.Über@Example.de").build();
    users.add(stored);

    assertThat(users.findByEmail(Email.of("ärger.über@example.de")))
        .get()
        .extracting(User::id)
        .isEqualTo(stored.id());
  }

  @Test
  void findsNothingForAnUnknownEmail() {
    users.add(aUser().withId(users.nextId()).withEmail("ada@example.com").build());

    assertThat(users.findByEmail(Email.of("ada@example.org"))).isEmpty();
  }

  @Test
  void refusesASecondAccountWithTheSameEmailInAnyCase() {
    User first = aUser().withId(users.nextId()).withEmail("ada@example.com").build();
    users.add(first);
    User second =
        aUser().withId(users.nextId()).withName("Imposter").withEmail("ADA@Example.COM").build();

    assertThatThrownBy(() -> users.add(second)).isInstanceOf(DuplicateEmailException.class);

    assertThat(users.findById(second.id())).isEmpty();
    assertThat(users.findByEmail(Email.of("ada@example.com")))
        .get()
        .extracting(User::id)
        .isEqualTo(first.id());
  }

  @Test
  void storesAnUpdate() {
    User user = aUser().withId(users.nextId()).withEmail("ada@example.com").build();
    users.add(user);

    user.changeProfile("Ada King", Email.of("countess@example.com"), LATER);
    user.changePassword(new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$bmV3$bmV3aGFzaA"), LATER);
    user.promoteToAdmin(LATER);
    users.update(user);

    User stored = users.findById(user.id()).orElseThrow();
    assertThat(stored).usingRecursiveComparison().isEqualTo(user);
    assertThat(stored.role()).isEqualTo(Role.ADMIN);
    assertThat(users.findByEmail(Email.of("countess@example.com"))).isPresent();
    assertThat(users.findByEmail(Email.of("ada@example.com"))).isEmpty();
  }

  @Test
  void storesNothingOfAChangeUntilItIsUpdated() {
    User user = aUser().withId(users.nextId()).withName("Ada Lovelace").build();
    users.add(user);

    user.changeProfile("Ada King", user.email(), LATER);

    assertThat(users.findById(user.id()).orElseThrow().name()).isEqualTo("Ada Lovelace");
  }

  @Test
  void storesUpdatesOneAfterAnother() {
    User user = aUser().withId(users.nextId()).build();
    users.add(user);

    User loaded = users.findById(user.id()).orElseThrow();
    loaded.changeProfile("Ada King", loaded.email(), LATER);
    users.update(loaded);
    User reloaded = users.findById(user.id()).orElseThrow();
    reloaded.promoteToAdmin(LATER.plusSeconds(1));
    users.update(reloaded);

    assertThat(users.findById(user.id())).get().usingRecursiveComparison().isEqualTo(reloaded);
  }

  @Test
  void letsAUserChangeTheCaseOfTheirOwnEmail() {
    User user = aUser().withId(users.nextId()).withEmail("ada@example.com").build();
    users.add(user);

    user.changeProfile(user.name(), Email.of("Ada@Example.com"), LATER);
    users.update(user);

    assertThat(users.findByEmail(Email.of("ada@example.com")))
        .get()
        .extracting(found -> found.email().value())
        .isEqualTo("Ada@Example.com");
  }

  @Test
  void refusesAnUpdateToTheEmailOfAnotherAccountInAnyCase() {
    users.add(aUser().withId(users.nextId()).withEmail("ada@example.com").build());
    User grace = aUser().withId(users.nextId()).withEmail("grace@example.com").build();
    users.add(grace);

    grace.changeProfile("Grace Hopper", Email.of("ADA@example.com"), LATER);

    assertThatThrownBy(() -> users.update(grace)).isInstanceOf(DuplicateEmailException.class);
    assertThat(users.findById(grace.id()))
        .get()
        .extracting(found -> found.email().value())
        .isEqualTo("grace@example.com");
  }

  @Test
  void refusesToUpdateAUserThatIsNotStored() {
    User never = aUser().withId(users.nextId()).build();

    assertThatThrownBy(() -> users.update(never)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void deletesAUserAndFreesTheirEmail() {
    User ada = aUser().withId(users.nextId()).withEmail("ada@example.com").build();
    User grace = aUser().withId(users.nextId()).withEmail("grace@example.com").build();
    users.add(ada);
    users.add(grace);

    users.delete(ada.id());

    assertThat(users.findById(ada.id())).isEmpty();
    assertThat(users.findByEmail(Email.of("ada@example.com"))).isEmpty();
    assertThat(users.findById(grace.id())).isPresent();
    User again = aUser().withId(users.nextId()).withEmail("Ada@example.com").build();
    users.add(again);
    assertThat(users.findByEmail(Email.of("ada@example.com")))
        .get()
        .extracting(User::id)
        .isEqualTo(again.id());
  }

  @Test
  void deletingAnUnknownUserChangesNothing() {
    User ada = aUser().withId(users.nextId()).build();
    users.add(ada);

    users.delete(users.nextId());

    assertThat(users.findById(ada.id())).isPresent();
  }
}
