package app.huberman.domain.user;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An installation of the app that can receive push notifications, registered by its owner. A token
 * belongs to one account at a time: registering it from another account moves it there, as a new
 * device of that account (the previous owner's device is gone).
 */
public final class Device {

  /** An account keeps at most this many devices; registering one more drops the least recent. */
  public static final int MAX_PER_ACCOUNT = 20;

  public static final int MAX_NAME_LENGTH = 255;

  /** Most recently registered first; of two registered at the same instant, the newer id first. */
  public static final Comparator<Device> NEWEST_FIRST =
      Comparator.comparing(Device::lastRegisteredAt)
          .thenComparing(device -> device.id().value())
          .reversed();

  private final DeviceId id;
  private final UserId owner;
  private final DeviceToken token;
  private DevicePlatform platform;
  private String name;
  private final Instant createdAt;
  private Instant lastRegisteredAt;

  private Device(State state) {
    this.id = Objects.requireNonNull(state.id(), "id");
    this.owner = Objects.requireNonNull(state.owner(), "owner");
    this.token = Objects.requireNonNull(state.token(), "token");
    this.platform = Objects.requireNonNull(state.platform(), "platform");
    this.name = checkedName(state.name());
    this.createdAt = Objects.requireNonNull(state.createdAt(), "createdAt");
    this.lastRegisteredAt = Objects.requireNonNull(state.lastRegisteredAt(), "lastRegisteredAt");
  }

  /**
   * A device new to its owner.
   *
   * @param name as typed: stripped, and none when blank; at most {@value #MAX_NAME_LENGTH}
   *     characters with no control character (see {@link #isValidName})
   */
  public static Device register(
      DeviceId id,
      UserId owner,
      DeviceToken token,
      DevicePlatform platform,
      Optional<String> name,
      Instant now) {
    return new Device(new State(id, owner, token, platform, name, now, now));
  }

  /** For the store only: rebuilds a saved device. */
  public static Device rehydrate(State state) {
    return new Device(state);
  }

  /** Everything the store keeps, in one value. */
  public State state() {
    return new State(
        id, owner, token, platform, Optional.ofNullable(name), createdAt, lastRegisteredAt);
  }

  /**
   * The owner registered this token again (an app does at every start): the platform and name are
   * what it says now, and the device counts as the most recent.
   */
  public void registerAgain(DevicePlatform newPlatform, Optional<String> newName, Instant now) {
    platform = Objects.requireNonNull(newPlatform, "newPlatform");
    name = checkedName(newName);
    lastRegisteredAt = Objects.requireNonNull(now, "now");
  }

  public boolean isOwnedBy(UserId user) {
    return owner.equals(user);
  }

  /**
   * Of one account's devices, those beyond {@link #MAX_PER_ACCOUNT}: the least recently registered.
   */
  public static List<Device> beyondTheCap(Collection<Device> devicesOfOneAccount) {
    return devicesOfOneAccount.stream().sorted(NEWEST_FIRST).skip(MAX_PER_ACCOUNT).toList();
  }

  /** Whether {@code raw} may name a device: blank (no name), or a short line of text. */
  public static boolean isValidName(String raw) {
    if (raw == null) {
      return true;
    }
    String stripped = raw.strip();
    return stripped.length() <= MAX_NAME_LENGTH && DeviceText.isPrintable(stripped);
  }

  private static String checkedName(Optional<String> name) {
    Objects.requireNonNull(name, "name");
    if (name.isEmpty()) {
      return null;
    }
    if (!isValidName(name.get())) {
      throw new IllegalArgumentException(
          "A device name is at most " + MAX_NAME_LENGTH + " printable characters");
    }
    String stripped = name.get().strip();
    return stripped.isEmpty() ? null : stripped;
  }

  public DeviceId id() {
    return id;
  }

  public UserId owner() {
    return owner;
  }

  public DeviceToken token() {
    return token;
  }

  public DevicePlatform platform() {
    return platform;
  }

  public Optional<String> name() {
    return Optional.ofNullable(name);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastRegisteredAt() {
    return lastRegisteredAt;
  }

  /** A device's saved state, as {@link #rehydrate} takes it and {@link #state()} gives it. */
  public record State(
      DeviceId id,
      UserId owner,
      DeviceToken token,
      DevicePlatform platform,
      Optional<String> name,
      Instant createdAt,
      Instant lastRegisteredAt) {}
}
