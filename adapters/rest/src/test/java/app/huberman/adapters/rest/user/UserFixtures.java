package app.huberman.adapters.rest.user;

import app.huberman.application.user.port.in.ProfileView;
import app.huberman.application.user.port.in.SignedIn;
import app.huberman.domain.user.UserId;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** One account as the use cases return it, and as the contract's User shows it. */
final class UserFixtures {

  static final UserId ID = new UserId(7);
  static final UUID UUID_ = UUID.fromString("6f1c1d2e-3b4a-4c5d-8e9f-0a1b2c3d4e5f");
  static final Instant CREATED = Instant.parse("2026-01-02T03:04:05Z");
  static final Instant UPDATED = Instant.parse("2026-02-03T04:05:06Z");

  private UserFixtures() {}

  static ProfileView profile() {
    return new ProfileView(ID, UUID_, "Jo", "jo@example.com", Optional.empty(), CREATED, UPDATED);
  }

  static SignedIn signedIn() {
    return new SignedIn(profile(), "7|" + "B".repeat(40));
  }

  static JsonObject userJson() {
    return Json.createObjectBuilder()
        .add("id", 7)
        .add("uuid", UUID_.toString())
        .add("name", "Jo")
        .add("email", "jo@example.com")
        .addNull("email_verified_at")
        .add("created_at", "2026-01-02T03:04:05Z")
        .add("updated_at", "2026-02-03T04:05:06Z")
        .build();
  }
}
