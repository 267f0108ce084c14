package app.huberman.application.subscription;

import app.huberman.application.subscription.port.out.PushDevicesPort;
import app.huberman.application.subscription.port.out.PushTarget;
import app.huberman.domain.user.DeviceId;
import app.huberman.domain.user.DevicePlatform;
import app.huberman.domain.user.DeviceToken;
import app.huberman.domain.user.UserId;
import java.time.Instant;

class InMemoryPushDevicesTest extends PushDevicesContract {

  @Override
  protected Fixture fixture() {
    InMemoryPushDevices devices = new InMemoryPushDevices();
    return new Fixture() {
      private long ids;

      @Override
      public UserId account(String email) {
        return UserId.of(++ids);
      }

      @Override
      public DeviceId register(UserId owner, String token, DevicePlatform platform, Instant at) {
        // Registered in the order of the calls; the contract registers later instants later.
        DeviceId id = DeviceId.of(++ids);
        devices.add(new PushTarget(id, owner, platform, DeviceToken.of(token)));
        return id;
      }

      @Override
      public PushDevicesPort port() {
        return devices;
      }
    };
  }
}
