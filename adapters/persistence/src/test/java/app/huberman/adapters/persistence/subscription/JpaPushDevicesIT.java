package app.huberman.adapters.persistence.subscription;

import static app.huberman.application.user.UserTestData.aUser;

import app.huberman.adapters.persistence.PostgresTestDatabase;
import app.huberman.adapters.persistence.TransactionPerCall;
import app.huberman.adapters.persistence.user.JpaDeviceRepository;
import app.huberman.adapters.persistence.user.JpaUserRepository;
import app.huberman.application.subscription.PushDevicesContract;
import app.huberman.application.subscription.port.out.PushDevicesPort;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class JpaPushDevicesIT extends PushDevicesContract {

  private static PostgresTestDatabase database;

  @BeforeAll
  static void createDatabase() throws Exception {
    database = PostgresTestDatabase.createMigrated("push_devices");
  }

  @AfterAll
  static void dropDatabase() throws Exception {
    database.close();
  }

  @Override
  protected Fixture fixture() {
    database.execute("DELETE FROM users");
    UserRepository users =
        TransactionPerCall.of(UserRepository.class, database, JpaUserRepository::new);
    DeviceRepository devices =
        TransactionPerCall.of(DeviceRepository.class, database, JpaDeviceRepository::new);
    PushDevicesPort port =
        TransactionPerCall.of(PushDevicesPort.class, database, JpaPushDevices::new);
    return new Fixture() {
      @Override
      public UserId account(String email) {
        User user = aUser().withId(users.nextId()).withEmail(email).build();
        users.add(user);
        return user.id();
      }

      @Override
      public DeviceId register(UserId owner, String token, DevicePlatform platform, Instant at) {
        Device device =
            Device.register(
                devices.nextId(), owner, DeviceToken.of(token), platform, Optional.empty(), at);
        devices.addIfTokenFree(device);
        return device.id();
      }

      @Override
      public PushDevicesPort port() {
        return port;
      }
    };
  }
}
