package app.huberman.domain.user;

/** Identifies a registered device; assigned by the store before the device is first saved. */
public record DeviceId(long value) {

  public DeviceId {
    if (value <= 0) {
      throw new IllegalArgumentException("A device id is positive: " + value);
    }
  }

  public static DeviceId of(long value) {
    return new DeviceId(value);
  }
}
