package app.huberman.application.subscription;

import static app.huberman.application.user.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.subscription.port.out.AccountDirectoryPort;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.User;
import app.huberman.domain.user.UserId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AccountDirectoryPort} must do. The in-memory fake and the JPA adapter both
 * extend it, so subscription tests that use the fake say something true about production.
 */
public abstract class AccountDirectoryContract {

  private static final UUID ADA = UUID.fromString("6f1c2a9e-3b7d-4c55-9a0e-2f4b8d1e7c30");
  private static final UUID BOB = UUID.fromString("0b5e3c1d-8a2f-4e67-b9c4-1d7a6e5f2c08");

  private final User ada = aUser().withId(11).withUuid(ADA).withEmail("Ada@Example.com").build();
  private final User bob = aUser().withId(12).withUuid(BOB).withEmail("bob@example.com").build();

  /** A directory of these accounts only, stored as the users context stores them. */
  protected abstract AccountDirectoryPort directoryOf(User... accounts);

  @Test
  void namesTheAccountAUuidBelongsTo() {
    AccountDirectoryPort accounts = directoryOf(ada, bob);

    assertThat(accounts.idOf(ADA)).contains(ada.id());
    assertThat(accounts.idOf(BOB)).contains(bob.id());
  }

  @Test
  void namesNoAccountForAUuidNoneHas() {
    AccountDirectoryPort accounts = directoryOf(ada);

    assertThat(accounts.idOf(BOB)).isEmpty();
  }

  @Test
  void givesTheAddressAsTyped() {
    AccountDirectoryPort accounts = directoryOf(ada, bob);

    assertThat(accounts.emailOf(ada.id())).contains(Email.of("Ada@Example.com"));
    assertThat(accounts.emailOf(bob.id())).contains(Email.of("bob@example.com"));
  }

  @Test
  void givesNoAddressForAnAccountNotStored() {
    AccountDirectoryPort accounts = directoryOf(ada);

    assertThat(accounts.emailOf(UserId.of(12))).isEmpty();
  }

  @Test
  void givesTheUuidOfAnAccount() {
    AccountDirectoryPort accounts = directoryOf(ada, bob);

    assertThat(accounts.accountTokenOf(ada.id())).contains(ADA);
    assertThat(accounts.accountTokenOf(bob.id())).contains(BOB);
    assertThat(accounts.accountTokenOf(UserId.of(13))).isEmpty();
  }
}
