package app.huberman.adapters.persistence.user;

import app.huberman.application.user.port.out.DeviceRepository;
import app.huberman.domain.user.Device;
import app.huberman.domain.user.DeviceId;
import app.huberman.domain.user.DeviceToken;
import app.huberman.domain.user.UserId;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

@Dependent
public class JpaDeviceRepository implements DeviceRepository {

  /** The unique constraint on the token's hash; {@link #addIfTokenFree} names it. */
  static final String TOKEN_KEY = "user_devices_token_hash_key";

  private final EntityManager entityManager;

  @Inject
  public JpaDeviceRepository(EntityManager entityManager) {
    this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
  }

  @Override
  public DeviceId nextId() {
    return DeviceId.of(
        ((Number)
                entityManager
                    .createNativeQuery("SELECT nextval('user_devices_id_seq')")
                    .getSingleResult())
            .longValue());
  }

  /**
   * Locks the account's row as an update that changes no key would: other registrations for the
   * account wait, a deletion of the account waits (and then takes the devices with it), while the
   * foreign keys of rows being added (a key-share lock) do not.
   */
  @Override
  public boolean lockDevicesOf(UserId owner) {
    return !entityManager
        .createNativeQuery("SELECT id FROM users WHERE id = ?1 FOR NO KEY UPDATE")
        .setParameter(1, owner.value())
        .getResultList()
        .isEmpty();
  }

  @Override
  public Optional<Device> findByToken(DeviceToken token) {
    return entityManager
        .createQuery("select d from Device d where d.tokenHash = :hash", DeviceJpaEntity.class)
        .setParameter("hash", DeviceJpaMapper.tokenHash(token))
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultStream()
        .findFirst()
        .map(DeviceJpaMapper::toDomain);
  }

  /**
   * One statement that skips a taken token: a registration that raced this one and holds the token
   * uncommitted makes it wait for that one's end, and a conflict never aborts the transaction.
   */
  @Override
  public boolean addIfTokenFree(Device device) {
    return entityManager
            .createNativeQuery(
                "INSERT INTO user_devices (id, user_id, token, token_hash, platform, name,"
                    + " created_at, last_registered_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                    + " ON CONFLICT ON CONSTRAINT "
                    + TOKEN_KEY
                    + " DO NOTHING")
            .setParameter(1, device.id().value())
            .setParameter(2, device.owner().value())
            .setParameter(3, device.token().value())
            .setParameter(4, DeviceJpaMapper.tokenHash(device.token()))
            .setParameter(5, device.platform().wireName())
            .setParameter(6, device.name().orElse(null))
            .setParameter(7, utc(device.createdAt()))
            .setParameter(8, utc(device.lastRegisteredAt()))
            .executeUpdate()
        == 1;
  }

  @Override
  public void update(Device device) {
    DeviceJpaEntity row = entityManager.find(DeviceJpaEntity.class, device.id().value());
    if (row == null) {
      throw new IllegalStateException("No device with id " + device.id().value() + " is stored");
    }
    DeviceJpaMapper.copyOnto(row, device);
    entityManager.flush();
  }

  @Override
  public List<Device> findAllOf(UserId owner) {
    return entityManager
        .createQuery(
            "select d from Device d where d.userId = :owner"
                + " order by d.lastRegisteredAt desc, d.id desc",
            DeviceJpaEntity.class)
        .setParameter("owner", owner.value())
        .getResultStream()
        .map(DeviceJpaMapper::toDomain)
        .toList();
  }

  @Override
  public boolean delete(UserId owner, DeviceId id) {
    return entityManager
            .createQuery("delete from Device d where d.id = :id and d.userId = :owner")
            .setParameter("id", id.value())
            .setParameter("owner", owner.value())
            .executeUpdate()
        == 1;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
