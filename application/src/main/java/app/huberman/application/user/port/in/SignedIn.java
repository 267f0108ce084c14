package app.huberman.application.user.port.in;

/**
 * A user with a new bearer token.
 *
 * @param token {@code "<id>|<secret>"}: shown to the client once, never stored or logged
 */
public record SignedIn(ProfileView user, String token) {

  @Override
  public String toString() {
    return "SignedIn[user=" + user.id().value() + ", token=redacted]";
  }
}
