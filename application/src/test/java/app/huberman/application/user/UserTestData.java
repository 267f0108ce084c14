package app.huberman.application.user;

import app.huberman.domain.user.Email;
import app.huberman.domain.user.PasswordHash;
import app.huberman.domain.user.Role;
import app.huberman.domain.user.User;
import app.huberman.domain.user.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds users for tests: start from an ordinary, unverified account and change what the test is
 * about. Times have whole microseconds, as PostgreSQL keeps them.
 */
public final class UserTestData {

  public static final Instant REGISTERED_AT = Instant.parse("2026-02-01T09:30:00.123456Z");
  public static final String PASSWORD_HASH =
      "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$4uVxg3JtJ9WAVd+g1m1H5uQmYZ4pXCzb8V0y2u0O3nU";

  private long id = 1;
  private UUID uuid;
  private String name = "Ada Lovelace";
  private String email = "ada@example.com";
  private String passwordHash = PASSWORD_HASH;
  private Role role = Role.USER;
  private Instant emailVerifiedAt;
  private Instant createdAt = REGISTERED_AT;
  private Instant updatedAt = REGISTERED_AT;

  private UserTestData() {}

  public static UserTestData aUser() {
    return new UserTestData();
  }

  public static UserTestData anAdmin() {
    return aUser().withRole(Role.ADMIN);
  }

  public UserTestData withId(UserId id) {
    this.id = id.value();
    return this;
  }

  public UserTestData withId(long id) {
    this.id = id;
    return this;
  }

  /** Without one, the uuid is derived from the id, so that users of distinct ids never share it. */
  public UserTestData withUuid(UUID uuid) {
    this.uuid = uuid;
    return this;
  }

  public UserTestData withName(String name) {
    this.name = name;
    return this;
  }

  public UserTestData withEmail(String email) {
    this.email = email;
    return this;
  }

  public UserTestData withPasswordHash(String phc) {
    this.passwordHash = phc;
    return this;
  }

  public UserTestData withRole(Role role) {
    this.role = role;
    return this;
  }

  public UserTestData verifiedAt(Instant at) {
    this.emailVerifiedAt = at;
    return this;
  }

  public UserTestData registeredAt(Instant at) {
    this.createdAt = at;
    this.updatedAt = at;
    return this;
  }

  public UserTestData updatedAt(Instant at) {
    this.updatedAt = at;
    return this;
  }

  public User build() {
    return User.rehydrate(
        new User.State(
            UserId.of(id),
            uuid != null
                ? uuid
                : UUID.nameUUIDFromBytes(("user-" + id).getBytes(StandardCharsets.UTF_8)),
            name,
            Email.of(email),
            new PasswordHash(passwordHash),
            role,
            Optional.ofNullable(emailVerifiedAt),
            createdAt,
            updatedAt));
  }
}
