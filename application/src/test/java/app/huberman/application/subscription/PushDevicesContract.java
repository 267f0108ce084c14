package app.huberman.application.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.subscription.port.out.PushDevicesPort;
import app.huberman.application.subscription.port.out.PushTarget;
import app.huberman.domain.user.DeviceId;
import app.huberman.domain.user.DevicePlatform;
import app.huberman.domain.user.DeviceToken;
import app.huberman.domain.user.UserId;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PushDevicesPort} must do. The in-memory fake and the JPA adapter both extend
 * it, so notice tests that use the fake say something true about production.
 */
public abstract class PushDevicesContract {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  /** Accounts and devices stored as the users context stores them, and the port over them. */
  protected interface Fixture {
    UserId account(String email);

    DeviceId register(UserId owner, String token, DevicePlatform platform, Instant at);

    PushDevicesPort port();
  }

  /** An empty store. */
  protected abstract Fixture fixture();

  private Fixture store;
  private UserId ada;
  private UserId bob;

  @BeforeEach
  void accounts() {
    store = fixture();
    ada = store.account("ada@example.com");
    bob = store.account("bob@example.com");
  }

  @Test
  void listsTheOwnersDevicesOnlyMostRecentlyRegisteredFirst() {
    DeviceId phone = store.register(ada, "ada-phone", DevicePlatform.IOS, T0);
    DeviceId tablet = store.register(ada, "ada-tablet", DevicePlatform.ANDROID, T0.plusSeconds(60));
    store.register(bob, "bob-phone", DevicePlatform.IOS, T0.plusSeconds(30));

    assertThat(store.port().devicesOf(ada))
        .containsExactly(
            new PushTarget(tablet, ada, DevicePlatform.ANDROID, DeviceToken.of("ada-tablet")),
            new PushTarget(phone, ada, DevicePlatform.IOS, DeviceToken.of("ada-phone")));
  }

  @Test
  void findsARegisteredDeviceWithItsOwnerAndToken() {
    DeviceId phone = store.register(bob, "bob-phone", DevicePlatform.WEB, T0);

    assertThat(store.port().find(phone))
        .contains(new PushTarget(phone, bob, DevicePlatform.WEB, DeviceToken.of("bob-phone")));
    assertThat(store.port().devicesOf(ada)).isEmpty();
  }

  @Test
  void forgetsADeviceOnlyWhileItHasTheToken() {
    DeviceId phone = store.register(ada, "ada-phone", DevicePlatform.IOS, T0);
    DeviceId tablet = store.register(ada, "ada-tablet", DevicePlatform.IOS, T0);
    PushDevicesPort devices = store.port();

    assertThat(devices.forget(phone, DeviceToken.of("ada-tablet"))).isFalse();
    assertThat(devices.forget(phone, DeviceToken.of("ada-phone"))).isTrue();
    assertThat(devices.forget(phone, DeviceToken.of("ada-phone"))).as("already gone").isFalse();

    assertThat(devices.find(phone)).isEmpty();
    assertThat(devices.find(tablet)).isPresent();
  }
}
