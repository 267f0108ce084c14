package app.huberman.adapters.persistence.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code user_devices}. No version: changes to an account's devices are serialised by a
 * lock on the account ({@link JpaDeviceRepository#lockDevicesOf}). Rows are added by a statement
 * that skips a taken token, never by {@code persist}.
 */
@Entity(name = "Device")
@Table(name = "user_devices")
class DeviceJpaEntity {

  @Id Long id;

  @Column(name = "user_id", nullable = false, updatable = false)
  long userId;

  @Column(nullable = false, updatable = false, length = 4096)
  String token;

  @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
  String tokenHash;

  /** The wire name: {@code ios}, {@code android}, {@code web}. */
  @Column(nullable = false, length = 16)
  String platform;

  String name;

  @Column(name = "created_at", nullable = false, updatable = false)
  Instant createdAt;

  @Column(name = "last_registered_at", nullable = false)
  Instant lastRegisteredAt;
}
