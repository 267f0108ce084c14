package app.huberman.adapters.persistence.user;

import static app.huberman.application.user.UserTestData.aUser;
import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.persistence.EntityManagerTransactions;
import app.huberman.adapters.persistence.PostgresTestDatabase;
import app.huberman.adapters.persistence.TransactionPerCall;
import app.huberman.application.shared.CountingRateLimiter;
import app.huberman.application.shared.Race;
import app.huberman.application.user.DeviceRepositoryContract;
import app.huberman.application.user.port.in.RegisterDeviceUseCase.RegisterDeviceCommand;
import app.huberman.application.user.port.in.RegisterDeviceUseCase.Registration;
import app.huberman.application.user.port.out.DeviceEventsPort;
import app.huberman.application.user.port.out.DeviceRepository;
import app.huberman.application.user.port.out.UserRepository;
import app.huberman.application.user.service.RegisterDeviceService;
import app.huberman.domain.user.Device;
import app.huberman.domain.user.DeviceId;
import app.huberman.domain.user.DevicePlatform;
import app.huberman.domain.user.DeviceToken;
import app.huberman.domain.user.User;
import app.huberman.domain.user.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract on PostgreSQL, and registrations racing each other through the real service on real
 * transactions: one row per token, the cap kept, whatever the interleaving.
 */
class JpaDeviceRepositoryIT extends DeviceRepositoryContract {

  private static final int RACERS = 8;

  private static PostgresTestDatabase database;

  @BeforeAll
  static void createDatabase() throws Exception {
    database = PostgresTestDatabase.createMigrated("devices");
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.close();
  }

  @Override
  protected Stores emptyStores() {
    database.execute("DELETE FROM users");
    return new Stores(users(), devices());
  }

  private static UserRepository users() {
    return TransactionPerCall.of(UserRepository.class, database, JpaUserRepository::new);
  }

  private static DeviceRepository devices() {
    return TransactionPerCall.of(DeviceRepository.class, database, JpaDeviceRepository::new);
  }

  private static RegisterDeviceService service() {
    EntityManagerTransactions transactions = new EntityManagerTransactions(database);
    return new RegisterDeviceService(
        transactions.port(DeviceRepository.class, JpaDeviceRepository::new),
        new CountingRateLimiter(),
        silentEvents(),
        transactions,
        Clock.systemUTC());
  }

  private static UserId storedUser(String email) {
    UserRepository users = users();
    User user = aUser().withId(users.nextId()).withEmail(email).build();
    users.add(user);
    return user.id();
  }

  @Test
  void parallelRegistrationsOfOneTokenByOneAccountMakeOneDevice() throws Exception {
    database.execute("DELETE FROM users");
    UserId jane = storedUser("jane@example.com");
    RegisterDeviceService service = service();

    List<Registration> registrations =
        race(
            RACERS,
            racer ->
                () ->
                    service.register(
                        new RegisterDeviceCommand(jane, "one-token", "ios", "racer " + racer)));

    assertThat(registrations)
        .extracting(r -> r.device().id())
        .containsOnly(registrations.get(0).device().id());
    assertThat(registrations).filteredOn(Registration::created).hasSize(1);
    assertThat(count("SELECT count(*) FROM user_devices")).isEqualTo(1);
  }

  @Test
  void parallelRegistrationsOfOneTokenByManyAccountsLeaveItWithOneOfThem() throws Exception {
    database.execute("DELETE FROM users");
    List<UserId> accounts = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      accounts.add(storedUser("racer" + i + "@example.com"));
    }
    RegisterDeviceService service = service();

    List<Registration> registrations =
        race(
            RACERS,
            racer ->
                () ->
                    service.register(
                        new RegisterDeviceCommand(
                            accounts.get(racer), "shared-token", "android", null)));

    assertThat(registrations).allMatch(Registration::created);
    assertThat(count("SELECT count(*) FROM user_devices")).isEqualTo(1);
    long owner = count("SELECT user_id FROM user_devices");
    long survivor = count("SELECT id FROM user_devices");
    assertThat(accounts).extracting(UserId::value).contains(owner);
    assertThat(registrations)
        .as("the device that stays is one a registration answered with")
        .extracting(r -> r.device().id())
        .contains(survivor);
  }

  @Test
  void parallelRegistrationsOfOneAccountKeepItsTwentyMostRecentDevices() throws Exception {
    database.execute("DELETE FROM users");
    UserId jane = storedUser("jane@example.com");
    DeviceRepository devices = devices();
    Instant longAgo = Instant.parse("2026-01-01T00:00:00Z");
    for (int i = 0; i < Device.MAX_PER_ACCOUNT; i++) {
      devices.addIfTokenFree(
          Device.register(
              devices.nextId(),
              jane,
              DeviceToken.of("old-" + i),
              DevicePlatform.WEB,
              Optional.empty(),
              longAgo.plusSeconds(i)));
    }
    RegisterDeviceService service = service();

    List<Registration> registrations =
        race(
            RACERS,
            racer ->
                () ->
                    service.register(new RegisterDeviceCommand(jane, "new-" + racer, "ios", null)));

    assertThat(count("SELECT count(*) FROM user_devices WHERE user_id = " + jane.value()))
        .isEqualTo(Device.MAX_PER_ACCOUNT);
    assertThat(devices.findAllOf(jane).subList(0, RACERS))
        .extracting(device -> device.id().value())
        .containsExactlyInAnyOrderElementsOf(
            registrations.stream().map(r -> r.device().id()).toList());
    assertThat(count("SELECT count(*) FROM user_devices WHERE token LIKE 'old-%'"))
        .isEqualTo(Device.MAX_PER_ACCOUNT - RACERS);
  }

  @Test
  void deletingTheAccountRowDeletesItsDevicesInTheDatabase() {
    database.execute("DELETE FROM users");
    UserId jane = storedUser("jane@example.com");
    DeviceRepository devices = devices();
    devices.addIfTokenFree(
        Device.register(
            devices.nextId(),
            jane,
            DeviceToken.of("janes"),
            DevicePlatform.IOS,
            Optional.empty(),
            Instant.parse("2026-01-01T00:00:00Z")));

    database.execute("DELETE FROM users WHERE id = " + jane.value());

    assertThat(count("SELECT count(*) FROM user_devices")).isZero();
  }

  @Test
  void keysTheTokenByItsSha256AndStoresThePlatformByItsWireName() {
    database.execute("DELETE FROM users");
    UserId jane = storedUser("jane@example.com");
    DeviceRepository devices = devices();
    DeviceId id = devices.nextId();
    devices.addIfTokenFree(
        Device.register(
            id,
            jane,
            DeviceToken.of("abc"),
            DevicePlatform.ANDROID,
            Optional.empty(),
            Instant.parse("2026-01-01T00:00:00Z")));

    assertThat(
            database.strings(
                "SELECT token_hash || ' ' || platform FROM user_devices WHERE id = " + id.value()))
        .containsExactly(
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad android");
  }

  /** Runs the racers' work at once, each on a thread of its own. */
  private static <T> List<T> race(int racers, IntFunction<Callable<T>> work) throws Exception {
    return Race.of(IntStream.range(0, racers).mapToObj(work).toList());
  }

  private static long count(String sql) {
    return Long.parseLong(database.strings(sql).get(0));
  }

  private static DeviceEventsPort silentEvents() {
    return new DeviceEventsPort() {
      @Override
      public void registered(
          UserId owner, DeviceId device, DevicePlatform platform, boolean created) {}

      @Override
      public void moved(UserId from, UserId to, DeviceId device) {}

      @Override
      public void dropped(UserId owner, int count) {}

      @Override
      public void removed(UserId owner, DeviceId device) {}

      @Override
      public void rateLimited(UserId owner) {}
    };
  }
}
