package app.huberman.adapters.persistence.subscription;

import app.huberman.application.subscription.port.out.PushDevicesPort;
import app.huberman.application.subscription.port.out.PushTarget;
import app.huberman.domain.user.DeviceId;
import app.huberman.domain.user.DevicePlatform;
import app.huberman.domain.user.DeviceToken;
import app.huberman.domain.user.UserId;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The users context's devices as push notices see them: the columns a push needs, read from the
 * {@code user_devices} rows, never the device's name.
 */
@Dependent
public class JpaPushDevices implements PushDevicesPort {

  private static final String COLUMNS = "select d.id, d.userId, d.platform, d.token from Device d";

  private final EntityManager entityManager;

  @Inject
  public JpaPushDevices(EntityManager entityManager) {
    this.entityManager = Objects.requireNonNull(entityManager, "entityManager");
  }

  @Override
  public List<PushTarget> devicesOf(UserId owner) {
    return entityManager
        .createQuery(
            COLUMNS + " where d.userId = :owner order by d.lastRegisteredAt desc, d.id desc",
            Object[].class)
        .setParameter("owner", owner.value())
        .getResultStream()
        .map(JpaPushDevices::target)
        .toList();
  }

  @Override
  public Optional<PushTarget> find(DeviceId device) {
    return entityManager
        .createQuery(COLUMNS + " where d.id = :id", Object[].class)
        .setParameter("id", device.value())
        .getResultStream()
        .findFirst()
        .map(JpaPushDevices::target);
  }

  @Override
  public boolean forget(DeviceId device, DeviceToken token) {
    return entityManager
            .createQuery("delete from Device d where d.id = :id and d.token = :token")
            .setParameter("id", device.value())
            .setParameter("token", token.value())
            .executeUpdate()
        > 0;
  }

  private static PushTarget target(Object[] row) {
    String platform = (String) row[2];
    return new PushTarget(
        DeviceId.of((Long) row[0]),
        UserId.of((Long) row[1]),
        DevicePlatform.fromWireName(platform)
            .orElseThrow(() -> new IllegalStateException("Stored platform " + platform)),
        new DeviceToken((String) row[3]));
  }
}
