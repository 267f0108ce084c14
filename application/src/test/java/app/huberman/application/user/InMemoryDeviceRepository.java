package app.huberman.application.user;

import app.huberman.application.user.port.out.DeviceRepository;
import app.huberman.domain.user.Device;
import app.huberman.domain.user.DeviceId;
import app.huberman.domain.user.DeviceToken;
import app.huberman.domain.user.UserId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A fake {@link DeviceRepository} that passes {@link DeviceRepositoryContract}. Like the table it
 * stands for, it keeps copies, holds a token once, refuses a device of a user that is not stored,
 * and loses a user's devices when the user is deleted. Locks are no-ops: it serves one thread.
 */
public final class InMemoryDeviceRepository implements DeviceRepository {

  private final InMemoryUserRepository users;
  private final Map<DeviceId, Device> devices = new LinkedHashMap<>();
  private long lastId;

  /** What runs just before {@link #addIfTokenFree} looks: another request racing this one. */
  private Runnable beforeAdd = () -> {};

  private InMemoryDeviceRepository(InMemoryUserRepository users) {
    this.users = users;
  }

  /** The devices of these users. */
  public static InMemoryDeviceRepository of(InMemoryUserRepository users) {
    InMemoryDeviceRepository devices = new InMemoryDeviceRepository(users);
    users.onDelete(devices::deleteAllOf);
    return devices;
  }

  /** Runs {@code meanwhile} once, just before the next add looks for the token. */
  public void beforeNextAdd(Runnable meanwhile) {
    beforeAdd =
        () -> {
          beforeAdd = () -> {};
          meanwhile.run();
        };
  }

  @Override
  public DeviceId nextId() {
    return DeviceId.of(++lastId);
  }

  @Override
  public boolean lockDevicesOf(UserId owner) {
    return users.findById(owner).isPresent();
  }

  @Override
  public Optional<Device> findByToken(DeviceToken token) {
    return devices.values().stream()
        .filter(device -> device.token().equals(token))
        .findFirst()
        .map(InMemoryDeviceRepository::copyOf);
  }

  @Override
  public boolean addIfTokenFree(Device device) {
    beforeAdd.run();
    if (users.findById(device.owner()).isEmpty()) {
      throw new IllegalStateException("No user with id " + device.owner().value() + " is stored");
    }
    if (devices.containsKey(device.id())) {
      throw new IllegalStateException("A device with id " + device.id().value() + " is stored");
    }
    if (findByToken(device.token()).isPresent()) {
      return false;
    }
    devices.put(device.id(), copyOf(device));
    lastId = Math.max(lastId, device.id().value());
    return true;
  }

  @Override
  public void update(Device device) {
    if (!devices.containsKey(device.id())) {
      throw new IllegalStateException("No device with id " + device.id().value() + " is stored");
    }
    devices.put(device.id(), copyOf(device));
  }

  @Override
  public List<Device> findAllOf(UserId owner) {
    return devices.values().stream()
        .filter(device -> device.isOwnedBy(owner))
        .sorted(Device.NEWEST_FIRST)
        .map(InMemoryDeviceRepository::copyOf)
        .toList();
  }

  @Override
  public boolean delete(UserId owner, DeviceId id) {
    Device device = devices.get(id);
    if (device == null || !device.isOwnedBy(owner)) {
      return false;
    }
    devices.remove(id);
    return true;
  }

  private void deleteAllOf(UserId owner) {
    devices.values().removeIf(device -> device.isOwnedBy(owner));
  }

  private static Device copyOf(Device device) {
    return Device.rehydrate(device.state());
  }
}
