package app.huberman.application.user;

import static app.huberman.application.user.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.huberman.application.shared.CountingRateLimiter;
import app.huberman.application.shared.DirectUnitOfWork;
import app.huberman.application.shared.MutableClock;
import app.huberman.application.shared.NotFoundException;
import app.huberman.application.shared.RateLimitedException;
import app.huberman.application.shared.ValidationException;
import app.huberman.application.user.port.in.DeviceView;
import app.huberman.application.user.port.in.RegisterDeviceUseCase.RegisterDeviceCommand;
import app.huberman.application.user.port.in.RegisterDeviceUseCase.Registration;
import app.huberman.application.user.port.out.DeviceEventsPort;
import app.huberman.application.user.service.ListDevicesService;
import app.huberman.application.user.service.RegisterDeviceService;
import app.huberman.application.user.service.RemoveDeviceService;
import app.huberman.domain.user.Device;
import app.huberman.domain.user.DeviceId;
import app.huberman.domain.user.DevicePlatform;
import app.huberman.domain.user.DeviceToken;
import app.huberman.domain.user.User;
import app.huberman.domain.user.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The device services with in-memory fakes, a clock the test moves and a direct unit of work. */
class DeviceServicesTest {

  private static final String APNS = "0f1e2d3c4b5a6978".repeat(4);

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-26T10:00:00.123456Z"));
  private final InMemoryUserRepository users = new InMemoryUserRepository();
  private final InMemoryDeviceRepository devices = InMemoryDeviceRepository.of(users);
  private final CountingRateLimiter limiter = new CountingRateLimiter();
  private final DirectUnitOfWork unitOfWork = new DirectUnitOfWork();
  private final List<String> events = new ArrayList<>();
  private final RegisterDeviceService registration =
      new RegisterDeviceService(devices, limiter, recordingEvents(), unitOfWork, clock);
  private final ListDevicesService listing = new ListDevicesService(devices, unitOfWork);
  private final RemoveDeviceService removal =
      new RemoveDeviceService(devices, recordingEvents(), unitOfWork);

  private final User jane = stored("jane@example.com");
  private final User john = stored("john@example.com");

  private User stored(String email) {
    User user = aUser().withId(users.nextId()).withEmail(email).build();
    users.add(user);
    return user;
  }

  private Registration register(User user, String token, String platform, String name) {
    return registration.register(new RegisterDeviceCommand(user.id(), token, platform, name));
  }

  @Test
  void registersANewDeviceAndShowsOnlyTheEndOfItsToken() {
    Registration registered = register(jane, APNS, "ios", " Jane's iPhone ");

    assertThat(registered.created()).isTrue();
    DeviceView device = registered.device();
    assertThat(device.platform()).isEqualTo(DevicePlatform.IOS);
    assertThat(device.name()).contains("Jane's iPhone");
    assertThat(device.tokenSuffix()).isEqualTo("4b5a6978");
    assertThat(device.createdAt()).isEqualTo(clock.instant()).isEqualTo(device.lastRegisteredAt());
    assertThat(listing.devicesOf(jane.id())).containsExactly(device);
    assertThat(devices.findByToken(DeviceToken.of(APNS)))
        .get()
        .extracting(Device::owner)
        .isEqualTo(jane.id());
    assertThat(events).containsExactly("registered " + jane.id().value() + " ios created");
    assertThat(unitOfWork.transactions()).isEqualTo(1);
  }

  @Test
  void theSameTokenAgainIsTheSameDeviceRefreshedWithWhatTheAppSaysNow() {
    DeviceView first = register(jane, APNS, "ios", "Old name").device();
    clock.advance(Duration.ofHours(1));

    Registration again = register(jane, "  " + APNS + " ", "IOS", null);

    assertThat(again.created()).isFalse();
    assertThat(again.device().id()).isEqualTo(first.id());
    assertThat(again.device().name()).isEmpty();
    assertThat(again.device().createdAt()).isEqualTo(first.createdAt());
    assertThat(again.device().lastRegisteredAt()).isEqualTo(clock.instant());
    assertThat(listing.devicesOf(jane.id())).containsExactly(again.device());
  }

  @Test
  void aTokenAnotherAccountRegisteredMovesToTheCallerAsANewDevice() {
    DeviceView johns = register(john, APNS, "ios", "Shared iPad").device();
    clock.advance(Duration.ofMinutes(5));

    Registration janes = register(jane, APNS, "ios", "Jane's iPad");

    assertThat(janes.created()).isTrue();
    assertThat(janes.device().id()).isNotEqualTo(johns.id());
    assertThat(janes.device().createdAt()).isEqualTo(clock.instant());
    assertThat(listing.devicesOf(john.id())).isEmpty();
    assertThat(listing.devicesOf(jane.id())).containsExactly(janes.device());
    assertThat(events).contains("moved " + john.id().value() + " -> " + jane.id().value());
    assertThatThrownBy(() -> removal.remove(john.id(), johns.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void keepsTheTwentyMostRecentlyRegisteredDevicesOfAnAccount() {
    List<Long> ids = new ArrayList<>();
    for (int i = 1; i <= 20; i++) {
      ids.add(register(jane, "token-" + i, "android", null).device().id());
      clock.advance(Duration.ofSeconds(1));
    }
    register(jane, "token-1", "android", null); // the oldest, registered again, is the newest now
    clock.advance(Duration.ofSeconds(1));
    register(john, "johns", "web", null);

    Registration twentyFirst = register(jane, "token-21", "android", null);

    List<Long> kept = listing.devicesOf(jane.id()).stream().map(DeviceView::id).toList();
    assertThat(kept)
        .hasSize(Device.MAX_PER_ACCOUNT)
        .contains(ids.get(0), twentyFirst.device().id());
    assertThat(kept).doesNotContain(ids.get(1));
    assertThat(kept.get(0)).isEqualTo(twentyFirst.device().id());
    assertThat(listing.devicesOf(john.id())).hasSize(1);
    assertThat(events).last().isEqualTo("dropped " + jane.id().value() + " 1");
  }

  @Test
  void refusesAMissingOrInvalidTokenPlatformOrNameFieldByFieldAndStoresNothing() {
    assertThat(violations(null, null, null))
        .containsOnlyKeys("token", "platform")
        .containsEntry("token", List.of("The token field is required."))
        .containsEntry("platform", List.of("The platform field is required."));
    assertThat(violations("  ", "blackberry", "n".repeat(256)))
        .containsEntry("token", List.of("The token field is required."))
        .containsEntry("platform", List.of("The platform must be one of ios, android, web."))
        .containsEntry("name", List.of("The name must not be longer than 255 characters."));
    assertThat(violations("t".repeat(DeviceToken.MAX_LENGTH + 1), "web", "line\nbreak"))
        .containsEntry("token", List.of("The token must not be longer than 4096 characters."))
        .containsEntry("name", List.of("The name must not contain control characters."));
    assertThat(violations("nul\u0000inside", "ios", null))
        .containsOnlyKeys("token")
        .containsEntry("token", List.of("The token must not contain control characters."));
    assertThat(listing.devicesOf(jane.id())).isEmpty();
    assertThat(events).isEmpty();
  }

  private java.util.Map<String, List<String>> violations(
      String token, String platform, String name) {
    try {
      register(jane, token, platform, name);
    } catch (ValidationException e) {
      return e.errors();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void theThirtyFirstRegistrationOfAMinuteOfOneAccountIsRefused() {
    IntStream.range(0, RegisterDeviceService.PER_ACCOUNT)
        .forEach(i -> register(jane, APNS, "ios", null));

    assertThatThrownBy(() -> register(jane, "another", "ios", null))
        .isInstanceOfSatisfying(
            RateLimitedException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(CountingRateLimiter.RETRY_AFTER));
    assertThat(register(john, "johns", "ios", null).created()).isTrue();
    assertThat(events).contains("rate_limited " + jane.id().value());
    assertThat(devices.findByToken(DeviceToken.of("another"))).isEmpty();
  }

  @Test
  void aTokenStoredByAnotherAccountWhileLookingIsLookedForAgainAndMoved() {
    devices.beforeNextAdd(
        () ->
            devices.addIfTokenFree(
                Device.register(
                    devices.nextId(),
                    john.id(),
                    DeviceToken.of(APNS),
                    DevicePlatform.IOS,
                    Optional.empty(),
                    clock.instant())));

    Registration janes = register(jane, APNS, "ios", null);

    assertThat(janes.created()).isTrue();
    assertThat(listing.devicesOf(jane.id())).containsExactly(janes.device());
    assertThat(listing.devicesOf(john.id())).isEmpty();
  }

  @Test
  void aDeletedAccountRegistersNothing() {
    users.delete(jane.id());

    assertThatThrownBy(() -> register(jane, APNS, "ios", null))
        .isInstanceOf(NotFoundException.class);
    assertThat(devices.findByToken(DeviceToken.of(APNS))).isEmpty();
  }

  @Test
  void removesADeviceOfTheCallerOnlyAndAnswersAnyOtherAsNotFound() {
    DeviceView janes = register(jane, APNS, "ios", null).device();
    DeviceView johns = register(john, "johns", "android", null).device();

    assertThatThrownBy(() -> removal.remove(jane.id(), johns.id()))
        .isInstanceOf(NotFoundException.class);
    for (long unknown : new long[] {0, -1, 999_999}) {
      assertThatThrownBy(() -> removal.remove(jane.id(), unknown))
          .isInstanceOf(NotFoundException.class);
    }
    removal.remove(jane.id(), janes.id());

    assertThat(listing.devicesOf(jane.id())).isEmpty();
    assertThat(listing.devicesOf(john.id())).extracting(DeviceView::id).containsExactly(johns.id());
    assertThat(events).last().isEqualTo("removed " + jane.id().value() + " " + janes.id());
    assertThatThrownBy(() -> removal.remove(jane.id(), janes.id()))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void deletingTheAccountDeletesItsDevices() {
    register(jane, APNS, "ios", null);
    register(john, "johns", "web", null);

    users.delete(jane.id());

    assertThat(devices.findByToken(DeviceToken.of(APNS))).isEmpty();
    assertThat(listing.devicesOf(john.id())).hasSize(1);
  }

  @Test
  void listsTheCallersDevicesMostRecentlyRegisteredFirstInOneRead() {
    DeviceView first = register(jane, "first", "ios", null).device();
    clock.advance(Duration.ofSeconds(1));
    DeviceView second = register(jane, "second", "web", null).device();
    int reads = unitOfWork.readOnlyTransactions();

    assertThat(listing.devicesOf(jane.id())).containsExactly(second, first);
    assertThat(unitOfWork.readOnlyTransactions()).isEqualTo(reads + 1);
  }

  private DeviceEventsPort recordingEvents() {
    return new DeviceEventsPort() {
      @Override
      public void registered(
          UserId owner, DeviceId device, DevicePlatform platform, boolean created) {
        events.add(
            "registered "
                + owner.value()
                + " "
                + platform.wireName()
                + (created ? " created" : " again"));
      }

      @Override
      public void moved(UserId from, UserId to, DeviceId device) {
        events.add("moved " + from.value() + " -> " + to.value());
      }

      @Override
      public void dropped(UserId owner, int count) {
        events.add("dropped " + owner.value() + " " + count);
      }

      @Override
      public void removed(UserId owner, DeviceId device) {
        events.add("removed " + owner.value() + " " + device.value());
      }

      @Override
      public void rateLimited(UserId owner) {
        events.add("rate_limited " + owner.value());
      }
    };
  }
}
