package app.huberman.application.user;

import static app.huberman.application.user.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.user.port.out.DeviceRepository;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.domain.user.Device;
import app.huberman.domain.user.DeviceId;
import app.huberman.domain.user.DevicePlatform;
import app.huberman.domain.user.DeviceToken;
import app.huberman.domain.user.User;
import app.huberman.domain.user.UserId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link DeviceRepository} must do, together with the {@link UserRepository} the
 * devices' owners are in: a token is stored once, and a device goes when its owner goes.
 */
public abstract class DeviceRepositoryContract {

  /** Whole microseconds, as PostgreSQL keeps them. */
  private static final Instant REGISTERED_AT = Instant.parse("2026-03-01T12:00:00.654321Z");

  private UserRepository users;
  private DeviceRepository devices;
  private User ada;
  private User grace;

  /** The two stores, empty, as they are in one database. */
  public record Stores(UserRepository users, DeviceRepository devices) {}

  protected abstract Stores emptyStores();

  @BeforeEach
  void storeTwoUsers() {
    Stores stores = emptyStores();
    users = stores.users();
    devices = stores.devices();
    ada = storedUser("ada@example.com");
    grace = storedUser("grace@example.com");
  }

  @Test
  void handsOutADifferentPositiveIdEachTime() {
    DeviceId first = devices.nextId();
    DeviceId second = devices.nextId();

    assertThat(second).isNotEqualTo(first);
  }

  @Test
  void returnsEveryFieldAsStoredAndTheTokenExactly() {
    String longToken = "{\"endpoint\":\"https://push.example/ü😀\"," + "k".repeat(4000) + "}";
    Device named = deviceOf(ada.id(), "apns-token", REGISTERED_AT);
    Device unnamed =
        Device.rehydrate(
            new Device.State(
                devices.nextId(),
                ada.id(),
                DeviceToken.of(longToken),
                DevicePlatform.WEB,
                Optional.empty(),
                REGISTERED_AT,
                REGISTERED_AT.plusSeconds(30)));

    assertThat(devices.addIfTokenFree(named)).isTrue();
    assertThat(devices.addIfTokenFree(unnamed)).isTrue();

    assertThat(devices.findByToken(named.token()))
        .get()
        .usingRecursiveComparison()
        .isEqualTo(named);
    assertThat(devices.findByToken(DeviceToken.of(longToken)))
        .get()
        .usingRecursiveComparison()
        .isEqualTo(unnamed);
  }

  @Test
  void findsNothingForAnUnknownToken() {
    devices.addIfTokenFree(deviceOf(ada.id(), "known", REGISTERED_AT));

    assertThat(devices.findByToken(DeviceToken.of("unknown"))).isEmpty();
    assertThat(devices.findByToken(DeviceToken.of("KNOWN"))).as("tokens are exact").isEmpty();
  }

  @Test
  void storesATokenOnceWhoeverAddsIt() {
    Device adas = deviceOf(ada.id(), "shared", REGISTERED_AT);
    devices.addIfTokenFree(adas);

    boolean addedForGrace = devices.addIfTokenFree(deviceOf(grace.id(), "shared", REGISTERED_AT));
    boolean addedForAda = devices.addIfTokenFree(deviceOf(ada.id(), "shared", REGISTERED_AT));

    assertThat(addedForGrace).isFalse();
    assertThat(addedForAda).isFalse();
    assertThat(devices.findAllOf(grace.id())).isEmpty();
    assertThat(devices.findAllOf(ada.id()))
        .singleElement()
        .extracting(Device::id)
        .isEqualTo(adas.id());
  }

  @Test
  void refusesADeviceOfAUserThatIsNotStored() {
    Device orphan = deviceOf(users.nextId(), "orphan", REGISTERED_AT);

    assertThatThrownBy(() -> devices.addIfTokenFree(orphan)).isInstanceOf(RuntimeException.class);
  }

  @Test
  void savesPlatformNameAndLastRegistrationOfAStoredDevice() {
    Device device = deviceOf(ada.id(), "refreshed", REGISTERED_AT);
    devices.addIfTokenFree(device);
    Device read = devices.findByToken(device.token()).orElseThrow();

    read.registerAgain(DevicePlatform.ANDROID, Optional.of("Pixel"), REGISTERED_AT.plusSeconds(60));
    devices.update(read);

    assertThat(devices.findByToken(device.token()))
        .get()
        .usingRecursiveComparison()
        .isEqualTo(read);
  }

  @Test
  void refusesToUpdateADeviceThatIsNotStored() {
    Device never = deviceOf(ada.id(), "never", REGISTERED_AT);

    assertThatThrownBy(() -> devices.update(never)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void listsOnlyTheOwnersDevicesMostRecentlyRegisteredFirst() {
    Device old = deviceOf(ada.id(), "old", REGISTERED_AT);
    Device recent = deviceOf(ada.id(), "recent", REGISTERED_AT.plusSeconds(10));
    Device tiedOlderId = deviceOf(ada.id(), "tied-1", REGISTERED_AT.plusSeconds(5));
    Device tiedNewerId = deviceOf(ada.id(), "tied-2", REGISTERED_AT.plusSeconds(5));
    for (Device device : new Device[] {tiedNewerId, old, recent, tiedOlderId}) {
      devices.addIfTokenFree(device);
    }
    devices.addIfTokenFree(deviceOf(grace.id(), "graces", REGISTERED_AT.plusSeconds(99)));

    assertThat(devices.findAllOf(ada.id()))
        .extracting(Device::id)
        .containsExactly(recent.id(), tiedNewerId.id(), tiedOlderId.id(), old.id());
    assertThat(devices.findAllOf(users.nextId())).isEmpty();
  }

  @Test
  void deletesADeviceOnlyForItsOwner() {
    Device adas = deviceOf(ada.id(), "adas", REGISTERED_AT);
    devices.addIfTokenFree(adas);

    boolean byGrace = devices.delete(grace.id(), adas.id());
    boolean unknown = devices.delete(ada.id(), devices.nextId());

    assertThat(byGrace).isFalse();
    assertThat(unknown).isFalse();
    assertThat(devices.findByToken(adas.token())).isPresent();
    assertThat(devices.delete(ada.id(), adas.id())).isTrue();
    assertThat(devices.findByToken(adas.token())).isEmpty();
    assertThat(devices.addIfTokenFree(deviceOf(grace.id(), "adas", REGISTERED_AT)))
        .as("the token is free again")
        .isTrue();
  }

  @Test
  void deletingAUserDeletesTheirDevices() {
    Device adas = deviceOf(ada.id(), "adas", REGISTERED_AT);
    Device graces = deviceOf(grace.id(), "graces", REGISTERED_AT);
    devices.addIfTokenFree(adas);
    devices.addIfTokenFree(graces);

    users.delete(ada.id());

    assertThat(devices.findByToken(adas.token())).isEmpty();
    assertThat(devices.findAllOf(ada.id())).isEmpty();
    assertThat(devices.findByToken(graces.token())).isPresent();
  }

  @Test
  void locksTheDevicesOfAStoredAccountOnly() {
    assertThat(devices.lockDevicesOf(ada.id())).isTrue();
    assertThat(devices.lockDevicesOf(users.nextId())).isFalse();
  }

  private User storedUser(String email) {
    User user = aUser().withId(users.nextId()).withEmail(email).build();
    users.add(user);
    return user;
  }

  private Device deviceOf(UserId owner, String token, Instant at) {
    return Device.register(
        devices.nextId(),
        owner,
        DeviceToken.of(token),
        DevicePlatform.IOS,
        Optional.of("Phone of " + owner.value()),
        at);
  }
}
