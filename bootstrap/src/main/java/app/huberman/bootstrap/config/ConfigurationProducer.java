package app.huberman.bootstrap.config;

import app.huberman.adapters.mail.MailSettings;
import app.huberman.adapters.monitoring.metrics.HttpMetricsSettings;
import app.huberman.adapters.monitoring.system.DiskSettings;
import app.huberman.adapters.monitoring.system.DiskSettings.Volume;
import app.huberman.adapters.persistence.migration.PostgresServer;
import app.huberman.adapters.redis.RedisSettings;
import app.huberman.adapters.rest.common.TrustedProxies;
import app.huberman.adapters.rest.contract.ApiDocsSettings;
import app.huberman.application.subscription.service.PlansRefresh;
import app.huberman.application.subscription.service.SandboxAccess;
import app.huberman.application.subscription.service.SandboxPolicy;
import app.huberman.application.subscription.service.SendNoticeHandler;
import app.huberman.application.user.service.MailQueue;
import app.huberman.application.user.service.UserSettings;
import app.huberman.domain.job.QueueName;
import app.huberman.domain.subscription.LapsePolicy;
import app.huberman.domain.user.Email;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Turns the environment variables (the README's "Configuration" table) into typed settings.
 * Defaults live in {@code META-INF/microprofile-config.properties} (environment variables override
 * them); an empty variable counts as unset, which only secrets may be.
 */
@ApplicationScoped
public class ConfigurationProducer {

  private static final Logger LOG = Logger.getLogger(ConfigurationProducer.class.getName());

  /**
   * Once, as the application starts: {@code ADMIN_EMAIL} made the account with that email an admin
   * until 2026-12, and anyone could register it. It is ignored now; a leftover one is named.
   */
  void warnAboutRetiredSettings(
      @Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
    if (config()
        .getOptionalValue("ADMIN_EMAIL", String.class)
        .filter(value -> !value.isBlank())
        .isPresent()) {
      LOG.warning(
          "ADMIN_EMAIL is set and ignored: an email address never grants the admin role; use"
              + " the operator command user:make-admin");
    }
  }

  /**
   * Creates the sandbox policy as the application starts, so a bad value stops the start with its
   * message instead of failing the first purchase report, and says once what it is.
   */
  void announceSandboxAccess(
      @Observes @Initialized(ApplicationScoped.class) Object applicationStarted,
      SandboxPolicy policy) {
    LOG.info(
        () ->
            "Sandbox purchases grant premium to: App Store "
                + policy.apple().mode().key()
                + ", Google Play "
                + policy.google().mode().key());
  }

  /**
   * Reads {@code API_DOCS_ENABLED} as the application starts, so a bad value stops the start with
   * its message instead of failing the first visit to the docs, and says once what it is.
   */
  void announceApiDocs(
      @Observes @Initialized(ApplicationScoped.class) Object applicationStarted,
      ApiDocsSettings settings) {
    LOG.info(
        settings.enabled()
            ? "API reference (Swagger UI) served at /api/docs"
            : "API reference not served: /api/docs is off (API_DOCS_ENABLED)");
  }

  /**
   * Reads {@code PLANS_REFRESH} as the application starts, so a bad value stops the start with its
   * message instead of failing the first request for the plans, and says once what it is.
   */
  void announcePlansRefresh(
      @Observes @Initialized(ApplicationScoped.class) Object applicationStarted,
      PlansRefresh refresh) {
    LOG.info(
        refresh.keepsPlans()
            ? "Plans kept in memory, read again at most every " + refresh.every()
            : "Plans read from the database on every request (PLANS_REFRESH is 0)");
  }

  private static Config config() {
    return ConfigProvider.getConfig();
  }

  static String text(String name) {
    return config().getValue(name, String.class).strip();
  }

  static String secret(String name) {
    return optionalText(name);
  }

  /** A setting that may be unset: then empty. */
  static String optionalText(String name) {
    return config().getOptionalValue(name, String.class).orElse("");
  }

  static int integer(String name) {
    String value = text(name);
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'", e);
    }
  }

  static boolean flag(String name) {
    return flag(name, text(name));
  }

  /**
   * {@code true} or {@code false} (in any case) and nothing else: a typo such as {@code ture},
   * {@code yes} or {@code 1} stops the start instead of quietly meaning false.
   */
  static boolean flag(String name, String value) {
    String stripped = value.strip();
    if (!stripped.equalsIgnoreCase("true") && !stripped.equalsIgnoreCase("false")) {
      throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
    }
    return Boolean.parseBoolean(stripped);
  }

  /**
   * {@code anybody}, {@code allowlist} or {@code nobody} (in any case) and nothing else: a typo
   * stops the start instead of quietly meaning one of them.
   */
  static SandboxAccess.Mode sandboxMode(String name, String value) {
    for (SandboxAccess.Mode mode : SandboxAccess.Mode.values()) {
      if (mode.key().equalsIgnoreCase(value.strip())) {
        return mode;
      }
    }
    throw new IllegalArgumentException(
        name + " must be anybody, allowlist or nobody, not '" + value + "'");
  }

  /**
   * One provider's sandbox access: the mode, and for {@code allowlist} the accounts' email
   * addresses, separated by commas. An allowlist with no address, or an entry that is not an
   * address, stops the start; a list set for another mode is ignored, with a warning.
   */
  static SandboxAccess sandboxAccess(
      String modeName, String modeValue, String listName, String listValue) {
    SandboxAccess.Mode mode = sandboxMode(modeName, modeValue);
    List<Email> allowlist = new ArrayList<>();
    for (String entry : listValue.split(",", -1)) {
      if (entry.isBlank()) {
        continue;
      }
      if (!Email.isValid(entry)) {
        throw new IllegalArgumentException(
            listName + " must be email addresses separated by commas, not '" + entry.strip() + "'");
      }
      allowlist.add(Email.of(entry));
    }
    if (mode == SandboxAccess.Mode.ALLOWLIST && allowlist.isEmpty()) {
      throw new IllegalArgumentException(
          modeName + " is allowlist, but " + listName + " names no account");
    }
    if (mode != SandboxAccess.Mode.ALLOWLIST && !allowlist.isEmpty()) {
      LOG.warning(
          () -> listName + " is ignored: " + modeName + " is " + mode.key() + ", not allowlist");
      allowlist.clear();
    }
    return SandboxAccess.of(mode, allowlist);
  }

  @Produces
  @Singleton
  public SandboxPolicy sandboxPolicy() {
    return new SandboxPolicy(
        sandboxAccess(
            "APPLE_SANDBOX_ACCESS",
            text("APPLE_SANDBOX_ACCESS"),
            "APPLE_SANDBOX_ALLOWLIST",
            optionalText("APPLE_SANDBOX_ALLOWLIST")),
        sandboxAccess(
            "GOOGLE_TEST_PURCHASE_ACCESS",
            text("GOOGLE_TEST_PURCHASE_ACCESS"),
            "GOOGLE_TEST_PURCHASE_ALLOWLIST",
            optionalText("GOOGLE_TEST_PURCHASE_ALLOWLIST")));
  }

  @Produces
  @Singleton
  public PostgresServer postgresServer() {
    return new PostgresServer(
        text("DB_HOST"),
        integer("DB_PORT"),
        text("DB_DATABASE"),
        text("DB_USERNAME"),
        secret("DB_PASSWORD"));
  }

  @Produces
  @Singleton
  public RedisSettings redisSettings() {
    return RedisConfiguration.read(ConfigurationProducer::optionalText);
  }

  @Produces
  @Singleton
  public WorkerSettings workerSettings() {
    return new WorkerSettings(
        integer("QUEUE_WORKERS"),
        Set.of(QueueName.DEFAULT, MailQueue.NAME, SendNoticeHandler.QUEUE),
        instanceId());
  }

  @Produces
  @Singleton
  public PasswordHashingSettings passwordHashingSettings() {
    return PasswordHashingSettings.of(
        optionalText("PASSWORD_HASHING_THREADS"),
        optionalText("PASSWORD_HASHING_QUEUE"),
        Runtime.getRuntime().availableProcessors());
  }

  /** Host name, process id and a random suffix: unique across restarts and containers. */
  private static String instanceId() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host
        + ":"
        + ProcessHandle.current().pid()
        + ":"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  static Duration duration(String name) {
    String value = text(name);
    try {
      return Duration.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          name + " must be an ISO-8601 duration such as P7D or PT12H, not '" + value + "'", e);
    }
  }

  /**
   * Whole seconds ({@code 60}) or an ISO-8601 duration ({@code PT1M}); {@code 0} keeps no plans in
   * memory, a negative value stops the start.
   */
  static Duration seconds(String name, String value) {
    String stripped = value.strip();
    try {
      return !stripped.isEmpty() && stripped.chars().allMatch(Character::isDigit)
          ? Duration.ofSeconds(Long.parseLong(stripped))
          : Duration.parse(stripped);
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException(
          name
              + " must be a number of seconds or an ISO-8601 duration such as PT1M, not '"
              + value
              + "'",
          e);
    }
  }

  /** How long the plan catalogue is served from memory. */
  @Produces
  @Singleton
  public PlansRefresh plansRefresh() {
    return new PlansRefresh(seconds("PLANS_REFRESH", text("PLANS_REFRESH")));
  }

  @Produces
  @Singleton
  public MigrationSettings migrationSettings() {
    return new MigrationSettings(flag("MIGRATE_ON_START"));
  }

  @Produces
  @Singleton
  public UserSettings userSettings() {
    return new UserSettings(duration("AUTH_TOKEN_TTL"), text("PASSWORD_RESET_URL"));
  }

  /** How long an active subscription keeps access past an unreported renewal. */
  @Produces
  @Singleton
  public LapsePolicy lapsePolicy() {
    Duration grace = duration("SUBSCRIPTION_LAPSE_GRACE");
    if (grace.isNegative()) {
      throw new IllegalArgumentException(
          "SUBSCRIPTION_LAPSE_GRACE cannot be negative, not '" + grace + "'");
    }
    return new LapsePolicy(grace);
  }

  @Produces
  @Singleton
  public MailSettings mailSettings() {
    return new MailSettings(text("MAIL_HOST"), integer("MAIL_PORT"), text("MAIL_FROM"));
  }

  @Produces
  @Singleton
  public TrustedProxies trustedProxies() {
    return TrustedProxies.parse(text("TRUSTED_PROXIES"));
  }

  /** The temporary directory, and {@code LOG_FILE_DIR} when set. */
  @Produces
  @Singleton
  public DiskSettings diskSettings() {
    List<Volume> volumes = new ArrayList<>();
    volumes.add(new Volume("tmp", Path.of(System.getProperty("java.io.tmpdir"))));
    config()
        .getOptionalValue("LOG_FILE_DIR", String.class)
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .ifPresent(dir -> volumes.add(new Volume("logs", Path.of(dir))));
    String minimum = text("DISK_FREE_MIN_BYTES");
    try {
      return new DiskSettings(volumes, Long.parseLong(minimum));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "DISK_FREE_MIN_BYTES must be a whole number of bytes, not '" + minimum + "'", e);
    }
  }

  @Produces
  @Singleton
  public ApiDocsSettings apiDocsSettings() {
    return apiDocs(text("APP_ENV"), optionalText("API_DOCS_ENABLED"));
  }

  /**
   * Swagger UI at {@code /api/docs}: {@code API_DOCS_ENABLED} when set ({@code true} or {@code
   * false} only); unset, on everywhere but in production, whose public edge publishes no reference.
   */
  static ApiDocsSettings apiDocs(String appEnv, String apiDocsEnabled) {
    if (apiDocsEnabled.isBlank()) {
      return new ApiDocsSettings(!appEnv.strip().equalsIgnoreCase("production"));
    }
    return new ApiDocsSettings(flag("API_DOCS_ENABLED", apiDocsEnabled));
  }

  @Produces
  @Singleton
  public HttpMetricsSettings httpMetricsSettings() {
    return new HttpMetricsSettings(flag("HTTP_METRICS_ENABLED"));
  }

  /** Every service reads time from this clock, never from the system directly. */
  @Produces
  @Singleton
  public Clock clock() {
    // Microseconds, as PostgreSQL stores them: a value read back equals the value written.
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }
}
