package app.huberman.domain.user;

/** Identifies a user; assigned by the store before the user is first saved. */
public record UserId(long value) {

  public UserId {
    if (value <= 0) {
      throw new IllegalArgumentException("A user id is positive: " + value);
    }
  }

  public static UserId of(long value) {
    return new UserId(value);
  }
}
