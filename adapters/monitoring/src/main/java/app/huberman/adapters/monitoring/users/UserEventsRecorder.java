package app.huberman.adapters.monitoring.users;

import app.huberman.adapters.monitoring.logging.EventLog;
import app.huberman.adapters.monitoring.metrics.MetricHandles;
import app.huberman.application.user.port.out.UserEventsPort;
import app.huberman.domain.user.Email;
import app.huberman.domain.user.UserId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Logs {@code user.registered}, {@code auth.login_succeeded}, {@code auth.login_failed}, {@code
 * auth.rate_limited}, {@code auth.logout}, {@code password.reset_requested}, {@code
 * password.reset_completed} and {@code user.deleted}, and counts them. An email appears only masked
 * and as a short hash (to correlate attempts), never in clear. The sign-in counters exist at 0 from
 * the start, so that the login-failure alert's {@code increase()} counts the first failures too.
 */
@ApplicationScoped
public class UserEventsRecorder implements UserEventsPort {

  static final String EVENTS = "user_events";
  private static final Logger LOG = Logger.getLogger("app.huberman.users");
  static final Metadata EVENTS_METADATA =
      Metadata.builder()
          .withName(EVENTS)
          .withDescription("Account and sign-in events, by event name")
          .build();

  private MetricHandles metrics;

  /** For the CDI proxy only. */
  protected UserEventsRecorder() {}

  @Inject
  public UserEventsRecorder(MetricRegistry registry) {
    this.metrics = new MetricHandles(registry);
  }

  void registerAtStart(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    registerSignInCounters();
  }

  void registerSignInCounters() {
    for (String event : new String[] {"auth.login_succeeded", "auth.login_failed"}) {
      metrics.counter(EVENTS_METADATA, new Tag("event", event));
    }
  }

  @Override
  public void registered(UserId user, String clientIp) {
    record(Level.INFO, "user.registered", user, null, clientIp);
  }

  @Override
  public void loginSucceeded(UserId user, String clientIp) {
    record(Level.INFO, "auth.login_succeeded", user, null, clientIp);
  }

  @Override
  public void loginFailed(Email attempted, String clientIp) {
    record(Level.WARNING, "auth.login_failed", null, attempted, clientIp);
  }

  @Override
  public void rateLimited(String action, String clientIp) {
    Map<String, Object> fields = fields(null, null, clientIp);
    fields.put("action", action);
    emit(Level.WARNING, "auth.rate_limited", fields);
  }

  @Override
  public void loggedOut(UserId user, String clientIp) {
    record(Level.INFO, "auth.logout", user, null, clientIp);
  }

  @Override
  public void passwordResetRequested(Email requested, String clientIp) {
    record(Level.INFO, "password.reset_requested", null, requested, clientIp);
  }

  @Override
  public void passwordResetCompleted(UserId user, String clientIp) {
    record(Level.INFO, "password.reset_completed", user, null, clientIp);
  }

  @Override
  public void deleted(UserId user, String clientIp) {
    record(Level.INFO, "user.deleted", user, null, clientIp);
  }

  private void record(Level level, String event, UserId user, Email email, String clientIp) {
    emit(level, event, fields(user, email, clientIp));
  }

  private void emit(Level level, String event, Map<String, Object> fields) {
    metrics.counter(EVENTS_METADATA, new Tag("event", event)).inc();
    EventLog.emit(LOG, level, event, fields);
  }

  private static Map<String, Object> fields(UserId user, Email email, String clientIp) {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (user != null) {
      fields.put("user_id", user.value());
    }
    if (email != null) {
      fields.put("email_masked", email.masked());
      fields.put("email_hash", shortHash(email.normalized()));
    }
    fields.put("client_ip", clientIp);
    return fields;
  }

  /** The first 16 hex digits of the SHA-256: enough to correlate, useless to recover the email. */
  static String shortHash(String value) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
