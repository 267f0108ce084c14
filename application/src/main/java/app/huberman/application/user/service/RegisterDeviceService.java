package app.huberman.application.user.service;

import app.huberman.application.shared.ConflictException;
import app.huberman.application.shared.NotFoundException;
import app.huberman.application.shared.RateLimitedException;
import app.huberman.application.shared.Violations;
import app.huberman.application.shared.port.out.RateLimiterPort;
import app.huberman.application.shared.port.out.RateLimiterPort.RateLimit;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.user.port.in.DeviceView;
import app.huberman.application.user.port.in.RegisterDeviceUseCase;
import app.huberman.application.user.port.out.DeviceEventsPort;
import app.huberman.application.user.port.out.DeviceRepository;
import app.huberman.domain.user.Device;
import app.huberman.domain.user.DevicePlatform;
import app.huberman.domain.user.DeviceToken;
import app.huberman.domain.user.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Registers a push token for the caller, in one transaction that holds the caller's devices locked:
 * registrations of one account run one after another, so the cap holds. Two accounts registering
 * one token at once both succeed, and the token ends with the one that committed last.
 */
public final class RegisterDeviceService implements RegisterDeviceUseCase {

  /** Registrations a minute per account: an app registers at each start and token refresh. */
  public static final int PER_ACCOUNT = 30;

  static final Duration WINDOW = Duration.ofMinutes(1);

  /** Looks for the token again this often when racing registrations keep taking it. */
  private static final int ATTEMPTS = 10;

  private final DeviceRepository devices;
  private final RateLimiterPort rateLimiter;
  private final DeviceEventsPort events;
  private final UnitOfWorkPort unitOfWork;
  private final Clock clock;

  public RegisterDeviceService(
      DeviceRepository devices,
      RateLimiterPort rateLimiter,
      DeviceEventsPort events,
      UnitOfWorkPort unitOfWork,
      Clock clock) {
    this.devices = Objects.requireNonNull(devices, "devices");
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    this.events = Objects.requireNonNull(events, "events");
    this.unitOfWork = Objects.requireNonNull(unitOfWork, "unitOfWork");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public Registration register(RegisterDeviceCommand command) {
    Violations violations = new Violations();
    DeviceToken token = DeviceInput.token(violations, command.token());
    DevicePlatform platform = DeviceInput.platform(violations, command.platform());
    Optional<String> name = DeviceInput.name(violations, command.name());
    violations.throwIfAny();
    UserId caller = command.userId();
    RateLimit limit = rateLimiter.hit("devices:account:" + caller.value(), PER_ACCOUNT, WINDOW);
    if (limit.limited()) {
      events.rateLimited(caller);
      throw new RateLimitedException(limit.retryAfter());
    }
    Stored stored = unitOfWork.atomically(() -> store(caller, token, platform, name));
    Device device = stored.device();
    stored.movedFrom().ifPresent(from -> events.moved(from, caller, device.id()));
    events.registered(caller, device.id(), platform, stored.created());
    if (stored.dropped() > 0) {
      events.dropped(caller, stored.dropped());
    }
    return new Registration(DeviceView.of(device), stored.created());
  }

  private Stored store(
      UserId caller, DeviceToken token, DevicePlatform platform, Optional<String> name) {
    if (!devices.lockDevicesOf(caller)) {
      throw new NotFoundException("The account no longer exists.");
    }
    // Kept to the microsecond, as stored: an answer shows the times a later read shows.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      Optional<Device> existing = devices.findByToken(token);
      if (existing.isPresent() && existing.get().isOwnedBy(caller)) {
        Device device = existing.get();
        device.registerAgain(platform, name, now);
        devices.update(device);
        return new Stored(device, false, Optional.empty(), 0);
      }
      existing.ifPresent(previous -> devices.delete(previous.owner(), previous.id()));
      Device device = Device.register(devices.nextId(), caller, token, platform, name, now);
      if (devices.addIfTokenFree(device)) {
        return new Stored(device, true, existing.map(Device::owner), dropBeyondTheCap(caller));
      }
      // Another account's registration stored the token since we looked (it has committed now).
    }
    throw new ConflictException("The token was registered by other requests at the same moment.");
  }

  private int dropBeyondTheCap(UserId owner) {
    List<Device> dropped = Device.beyondTheCap(devices.findAllOf(owner));
    dropped.forEach(device -> devices.delete(owner, device.id()));
    return dropped.size();
  }

  private record Stored(Device device, boolean created, Optional<UserId> movedFrom, int dropped) {}
}
