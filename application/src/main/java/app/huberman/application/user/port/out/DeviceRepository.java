package app.huberman.application.user.port.out;

import app.huberman.domain.user.Device;
import app.huberman.domain.user.DeviceId;
import app.huberman.domain.user.DeviceToken;
import app.huberman.domain.user.UserId;
import java.util.List;
import java.util.Optional;

/**
 * The store of devices. A token is stored at most once, whoever owns it; an account's devices go
 * when the account goes.
 */
public interface DeviceRepository {

  /** An id for a device about to be added. */
  DeviceId nextId();

  /**
   * Makes other transactions that lock the same owner's devices wait until this one ends, so that
   * registrations for one account run one after another (and its cap holds).
   *
   * @return false when there is no such account
   */
  boolean lockDevicesOf(UserId owner);

  /** The device with this token, whoever owns it, locked until the transaction ends. */
  Optional<Device> findByToken(DeviceToken token);

  /**
   * Adds the device unless a device with its token is stored (by a transaction that raced this
   * one); then nothing is stored.
   *
   * @return whether it was added
   */
  boolean addIfTokenFree(Device device);

  /**
   * Saves a stored device's platform, name and last registration.
   *
   * @throws IllegalStateException when it is not stored
   */
  void update(Device device);

  /** The owner's devices, most recently registered first ({@link Device#NEWEST_FIRST}). */
  List<Device> findAllOf(UserId owner);

  /**
   * Deletes the device if it is this owner's.
   *
   * @return false when the owner has no device with this id (none has it, or another account does)
   */
  boolean delete(UserId owner, DeviceId id);
}
