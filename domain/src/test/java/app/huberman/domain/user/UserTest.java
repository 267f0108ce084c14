package app.huberman.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UserTest {

  private static final Instant T0 = Instant.parse("2026-11-01T10:00:00Z");
  private static final Instant T1 = T0.plusSeconds(60);
  private static final PasswordHash HASH =
      new PasswordHash("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA");

  private static User jane() {
    return User.register(
        UserId.of(7),
        UUID.randomUUID(),
        " Jane Doe ",
        Email.of("Jane@Example.com"),
        HASH,
        Role.USER,
        T0);
  }

  @Test
  void registersWithATrimmedNameAndNoVerifiedEmail() {
    User user = jane();

    assertThat(user.name()).isEqualTo("Jane Doe");
    assertThat(user.emailVerifiedAt()).isEmpty();
    assertThat(user.createdAt()).isEqualTo(T0).isEqualTo(user.updatedAt());
    assertThat(user.isAdmin()).isFalse();
  }

  @Test
  void reportsThePreviousEmailOnlyWhenTheAddressReallyChanged() {
    User user = jane();

    assertThat(user.changeProfile("Jane", Email.of("jane@example.com"), T1)).isEmpty();
    assertThat(user.email().value()).isEqualTo("jane@example.com");
    assertThat(user.changeProfile("Jane", Email.of("new@example.com"), T1))
        .contains(Email.of("jane@example.com"));
    assertThat(user.updatedAt()).isEqualTo(T1);
  }

  @Test
  void aRehashIsNotAChangeTheUserMade() {
    User user = jane();

    user.rehashPassword(new PasswordHash("$argon2id$v=19$m=65536,t=3,p=1$c2FsdA$aGFzaA"));

    assertThat(user.updatedAt()).isEqualTo(T0);
  }

  @Test
  void refusesAnEmptyOrOverlongName() {
    assertThatThrownBy(() -> jane().changeProfile("  ", Email.of("a@b.co"), T1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> jane().changeProfile("x".repeat(256), Email.of("a@b.co"), T1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void comparesEmailsWithoutCaseAndMasksThemInLogs() {
    Email email = Email.of("  Jane.Doe@Example.COM ");

    assertThat(email.value()).isEqualTo("Jane.Doe@Example.COM");
    assertThat(email.normalized()).isEqualTo("jane.doe@example.com");
    assertThat(email.masked()).isEqualTo("J***@Example.COM");
    assertThat(email.toString()).doesNotContain("Doe");
    for (String bad : Set.of("", "jane", "jane@", "@example.com", "jane@example", "a b@c.de")) {
      assertThat(Email.isValid(bad)).as(bad).isFalse();
    }
  }

  @Test
  void neverShowsAPasswordHashWhenPrinted() {
    assertThat(HASH.toString()).doesNotContain("argon2");
  }

  @Test
  void refusesShortLongAndCommonPasswordsWithoutCompositionRules() {
    PasswordPolicy policy = new PasswordPolicy(Set.of("password123", "qwertyuiop")::contains);

    assertThat(policy.violations("short"))
        .containsExactly("The password must be at least 8 characters.");
    assertThat(policy.violations("x".repeat(129)))
        .containsExactly("The password must not be longer than 128 characters.");
    assertThat(policy.violations("password123")).singleElement().asString().contains("too common");
    assertThat(policy.violations("correct horse battery staple")).isEmpty();
    assertThat(policy.violations("aaaaaaaa")).isEmpty();
    assertThat(policy.violations("🔑🔑🔑🔑🔑🔑🔑🔑")).as("8 code points").isEmpty();
  }

  @Test
  void aTokenExpiresAtItsExpiryAndRecordsUseAtMostOnceAMinute() {
    AccessToken token =
        new AccessToken(
            1, UserId.of(7), "ab", "mobile", java.util.Optional.of(T0), T0.plusSeconds(3600), T0);

    assertThat(token.isExpiredAt(T0.plusSeconds(3599))).isFalse();
    assertThat(token.isExpiredAt(T0.plusSeconds(3600))).isTrue();
    assertThat(token.shouldRecordUseAt(T0.plusSeconds(59))).isFalse();
    assertThat(token.shouldRecordUseAt(T0.plusSeconds(60))).isTrue();
  }
}
