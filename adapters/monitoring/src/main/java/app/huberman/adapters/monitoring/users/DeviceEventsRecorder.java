package app.huberman.adapters.monitoring.users;

import app.huberman.adapters.monitoring.logging.EventLog;
import app.huberman.adapters.monitoring.metrics.MetricHandles;
import app.huberman.application.user.port.out.DeviceEventsPort;
import app.huberman.domain.user.DeviceId;
import app.huberman.domain.user.DevicePlatform;
import app.huberman.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Logs {@code device.registered}, {@code device.moved}, {@code device.dropped}, {@code
 * device.removed} and {@code device.rate_limited}, and counts them with the account events. Names
 * accounts and devices by id; it is never given a token.
 */
@ApplicationScoped
public class DeviceEventsRecorder implements DeviceEventsPort {

  private static final Logger LOG = Logger.getLogger("app.huberman.users");

  private MetricHandles metrics;

  /** For the CDI proxy only. */
  protected DeviceEventsRecorder() {}

  @Inject
  public DeviceEventsRecorder(MetricRegistry registry) {
    this.metrics = new MetricHandles(registry);
  }

  @Override
  public void registered(UserId owner, DeviceId device, DevicePlatform platform, boolean created) {
    Map<String, Object> fields = fields(owner, device);
    fields.put("platform", platform.wireName());
    fields.put("outcome", created ? "created" : "refreshed");
    emit(Level.INFO, "device.registered", fields);
  }

  @Override
  public void moved(UserId from, UserId to, DeviceId device) {
    Map<String, Object> fields = fields(to, device);
    fields.put("previous_user_id", from.value());
    emit(Level.INFO, "device.moved", fields);
  }

  @Override
  public void dropped(UserId owner, int count) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("user_id", owner.value());
    fields.put("count", count);
    emit(Level.INFO, "device.dropped", fields);
  }

  @Override
  public void removed(UserId owner, DeviceId device) {
    emit(Level.INFO, "device.removed", fields(owner, device));
  }

  @Override
  public void rateLimited(UserId owner) {
    emit(Level.WARNING, "device.rate_limited", Map.of("user_id", owner.value()));
  }

  private void emit(Level level, String event, Map<String, ?> fields) {
    metrics.counter(UserEventsRecorder.EVENTS_METADATA, new Tag("event", event)).inc();
    EventLog.emit(LOG, level, event, fields);
  }

  private static Map<String, Object> fields(UserId owner, DeviceId device) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("user_id", owner.value());
    fields.put("device_id", device.value());
    return fields;
  }
}
