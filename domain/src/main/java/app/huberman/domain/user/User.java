package app.huberman.domain.user;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An account. The {@code uuid} is what clients hand to payment providers to tie a purchase to the
 * account; the numeric id is internal.
 */
public final class User {

  /** The longest name, stripped; the column's size. */
  public static final int MAX_NAME_LENGTH = 255;

  private final UserId id;
  private final UUID uuid;
  private String name;
  private Email email;
  private PasswordHash passwordHash;
  private Role role;
  private final Instant emailVerifiedAt;
  private final Instant createdAt;
  private Instant updatedAt;

  private User(State state) {
    this.id = Objects.requireNonNull(state.id(), "id");
    this.uuid = Objects.requireNonNull(state.uuid(), "uuid");
    this.name = checkedName(state.name());
    this.email = Objects.requireNonNull(state.email(), "email");
    this.passwordHash = Objects.requireNonNull(state.passwordHash(), "passwordHash");
    this.role = Objects.requireNonNull(state.role(), "role");
    this.emailVerifiedAt = state.emailVerifiedAt().orElse(null);
    this.createdAt = Objects.requireNonNull(state.createdAt(), "createdAt");
    this.updatedAt = Objects.requireNonNull(state.updatedAt(), "updatedAt");
  }

  /** A new account; the caller has checked the password against the policy and hashed it. */
  public static User register(
      UserId id, UUID uuid, String name, Email email, PasswordHash hash, Role role, Instant now) {
    return new User(new State(id, uuid, name, email, hash, role, Optional.empty(), now, now));
  }

  /** For the store only: rebuilds a saved user without re-checking business rules. */
  public static User rehydrate(State state) {
    return new User(state);
  }

  /** Everything the store keeps, in one value. */
  public State state() {
    return new State(
        id,
        uuid,
        name,
        email,
        passwordHash,
        role,
        Optional.ofNullable(emailVerifiedAt),
        createdAt,
        updatedAt);
  }

  /**
   * Changes name and email.
   *
   * @return the previous email when it changed (to notify that address), empty otherwise
   */
  public Optional<Email> changeProfile(String newName, Email newEmail, Instant now) {
    String checked = checkedName(newName);
    Objects.requireNonNull(newEmail, "newEmail");
    Email previous = email;
    boolean emailChanged = !previous.normalized().equals(newEmail.normalized());
    if (!checked.equals(name) || !previous.value().equals(newEmail.value())) {
      name = checked;
      email = newEmail;
      updatedAt = now;
    }
    return emailChanged ? Optional.of(previous) : Optional.empty();
  }

  public void changePassword(PasswordHash newHash, Instant now) {
    passwordHash = Objects.requireNonNull(newHash, "newHash");
    updatedAt = now;
  }

  /** Rehashing with new parameters is not a change the user made: {@code updatedAt} stays. */
  public void rehashPassword(PasswordHash newHash) {
    passwordHash = Objects.requireNonNull(newHash, "newHash");
  }

  public void promoteToAdmin(Instant now) {
    if (role != Role.ADMIN) {
      role = Role.ADMIN;
      updatedAt = now;
    }
  }

  public void revokeAdmin(Instant now) {
    if (role != Role.USER) {
      role = Role.USER;
      updatedAt = now;
    }
  }

  public boolean isAdmin() {
    return role == Role.ADMIN;
  }

  private static String checkedName(String name) {
    Objects.requireNonNull(name, "name");
    String stripped = name.strip();
    if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH) {
      throw new IllegalArgumentException("A name is 1 to " + MAX_NAME_LENGTH + " characters");
    }
    return stripped;
  }

  public UserId id() {
    return id;
  }

  public UUID uuid() {
    return uuid;
  }

  public String name() {
    return name;
  }

  public Email email() {
    return email;
  }

  public PasswordHash passwordHash() {
    return passwordHash;
  }

  public Role role() {
    return role;
  }

  public Optional<Instant> emailVerifiedAt() {
    return Optional.ofNullable(emailVerifiedAt);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  /** A user's saved state, as {@link #rehydrate} takes it and {@link #state()} gives it. */
  public record State(
      UserId id,
      UUID uuid,
      String name,
      Email email,
      PasswordHash passwordHash,
      Role role,
      Optional<Instant> emailVerifiedAt,
      Instant createdAt,
      Instant updatedAt) {}
}
