package app.huberman.bootstrap.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.cli.ServerStarter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator CLI against a real PostgreSQL database of its own, created by {@code migrate} and
 * dropped at the end. Commands run in-process through picocli with an injected environment; one
 * test runs them through {@code java -jar huberman-app.jar}, the way operators do.
 */
class OperatorCliIT {

  private static final String DATABASE =
      "huberman_cli_" + UUID.randomUUID().toString().substring(0, 8);

  private final List<Map<String, String>> serverStarts = new ArrayList<>();

  @BeforeAll
  static void migrate() {
    Result result = runWith(environment(), "migrate");
    assertThat(result.status()).as(result.err()).isZero();
    assertThat(result.out()).startsWith("Database migrated; schema version ");
  }

  @AfterAll
  static void dropDatabase() throws SQLException {
    try (Connection connection = connect("postgres");
        Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS \"" + DATABASE + "\" WITH (FORCE)");
    }
  }

  @BeforeEach
  void emptyTables() {
    sql("DELETE FROM failed_jobs; DELETE FROM jobs; DELETE FROM users");
  }

  @Test
  void migrateAgainChangesNothingAndSaysTheVersionInJson() {
    Result result = run("migrate", "--json");

    assertThat(result.status()).isZero();
    assertThat(result.out()).matches("\\{\"schema_version\":\"\\d+\"}\\n");
    assertThat(count("SELECT count(*) FROM flyway_schema_history WHERE success")).isPositive();
  }

  @Test
  void listsFailedJobsAsATableAndAsJson() {
    UUID uuid = insertFailedJob("mail", "now() - interval '1 hour'");

    Result table = run("queue:failed");
    Result json = run("queue:failed", "--json");

    assertThat(table.status()).isZero();
    assertThat(table.out().lines().toList())
        .hasSize(2)
        .first()
        .asString()
        .startsWith("UUID")
        .contains("QUEUE", "TYPE", "ATTEMPTS", "FAILED_AT", "EXCEPTION");
    assertThat(table.out()).contains(uuid.toString(), "mail", "test.job", "Boom: \"quoted\"");
    assertThat(json.status()).isZero();
    assertThat(json.out())
        .startsWith("[{\"uuid\":\"" + uuid + "\",\"queue\":\"mail\",\"type\":\"test.job\"")
        .contains(
            "\"attempts\":5",
            "\"exception\":\"java.lang.IllegalStateException: Boom:"
                + " \\\"quoted\\\"\\n\\tat Somewhere.run\"");
  }

  @Test
  void saysSoWhenNoJobFailed() {
    assertThat(run("queue:failed").out()).isEqualTo("No failed jobs.\n");
    assertThat(run("queue:failed", "--json").out()).isEqualTo("[]\n");
  }

  @Test
  void retriesAFailedJobBackIntoItsQueue() {
    UUID uuid = insertFailedJob("default", "now()");

    Result result = run("queue:retry", uuid.toString());

    assertThat(result.status()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Retried 1 failed job.\n");
    assertThat(count("SELECT count(*) FROM failed_jobs")).isZero();
    assertThat(count("SELECT count(*) FROM jobs WHERE uuid = '" + uuid + "' AND attempts = 0"))
        .isEqualTo(1);
  }

  @Test
  void retriesAllFailedJobs() {
    insertFailedJob("default", "now()");
    insertFailedJob("mail", "now()");

    Result result = run("queue:retry", "all", "--json");

    assertThat(result.out()).isEqualTo("{\"retried\":2}\n");
    assertThat(count("SELECT count(*) FROM jobs")).isEqualTo(2);
  }

  @Test
  void forgetsAFailedJob() {
    UUID uuid = insertFailedJob("default", "now()");

    Result result = run("queue:forget", uuid.toString());

    assertThat(result.status()).isZero();
    assertThat(result.out()).isEqualTo("Forgot failed job " + uuid + ".\n");
    assertThat(count("SELECT count(*) FROM failed_jobs")).isZero();
    assertThat(count("SELECT count(*) FROM jobs")).isZero();
  }

  @Test
  void anUnknownJobIsAFailureWithAClearMessage() {
    UUID unknown = UUID.randomUUID();

    Result retry = run("queue:retry", unknown.toString());
    Result forget = run("queue:forget", unknown.toString());

    assertThat(retry.status()).isEqualTo(1);
    assertThat(retry.err()).isEqualTo("queue:retry: No failed job has uuid " + unknown + "\n");
    assertThat(forget.status()).isEqualTo(1);
    assertThat(forget.err()).isEqualTo("queue:forget: No failed job has uuid " + unknown + "\n");
  }

  @Test
  void aMalformedJobIdIsAUsageError() {
    Result result = run("queue:retry", "not-a-uuid");

    assertThat(result.status()).isEqualTo(2);
    assertThat(result.err()).startsWith("Not a job uuid: 'not-a-uuid'");
  }

  @Test
  void prunesOnlyFailedJobsOlderThanTheRetentionAndNeverAWebhooksProcessing() {
    insertFailedJob("default", "now() - interval '31 days'");
    UUID recent = insertFailedJob("default", "now() - interval '29 days'");
    UUID webhook =
        insertFailedJob("default", "subscriptions.process-webhook", "now() - interval '400 days'");

    Result result = run("queue:prune-failed");

    assertThat(result.status()).isZero();
    assertThat(result.out()).isEqualTo("Pruned 1 failed job older than 30 days.\n");
    assertThat(count("SELECT count(*) FROM failed_jobs WHERE uuid = '" + recent + "'"))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM failed_jobs WHERE uuid = '" + webhook + "'"))
        .isEqualTo(1);
    assertThat(count("SELECT count(*) FROM failed_jobs")).isEqualTo(2);
  }

  @Test
  void makesAnExistingAccountAdminWhateverTheCaseOfTheEmail() {
    insertUser("grace@example.com");

    Result result = run("user:make-admin", "GRACE@example.com");

    assertThat(result.status()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("GRACE@example.com is an admin.\n");
    assertThat(count("SELECT count(*) FROM users WHERE role = 'ADMIN'")).isEqualTo(1);
    assertThat(run("user:make-admin", "grace@example.com").status()).isZero();
  }

  @Test
  void anUnknownEmailIsAFailureWithAClearMessage() {
    Result result = run("user:make-admin", "nobody@example.com");

    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("user:make-admin: No account has the email nobody@example.com\n");
  }

  @Test
  void anUnknownCommandIsAUsageError() {
    Result result = run("queue:flush");

    assertThat(result.status()).isEqualTo(2);
    assertThat(result.err()).contains("Unmatched argument at index 0: 'queue:flush'");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command :
        List.of(
            "serve",
            "queue:work",
            "migrate",
            "queue:failed",
            "queue:retry",
            "queue:forget",
            "queue:prune-failed",
            "user:make-admin",
            "user:revoke-admin")) {
      Result result = run(command, "--help");
      assertThat(result.status()).as(command).isZero();
      assertThat(result.out()).as(command).startsWith("Usage: huberman-app " + command);
    }
    assertThat(run("--help").out()).contains("queue:failed", "user:make-admin");
    assertThat(serverStarts).isEmpty();
  }

  @Test
  void anUnreachableDatabaseIsAFailureOnOneLine() throws IOException {
    Map<String, String> environment = environment();
    environment.put("DB_PORT", Integer.toString(closedPort()));

    for (String command : List.of("migrate", "queue:failed", "user:make-admin")) {
      Result result =
          runWith(
              environment,
              command.equals("user:make-admin")
                  ? new String[] {command, "a@b.co"}
                  : new String[] {command});
      assertThat(result.status()).as(command).isEqualTo(1);
      assertThat(result.out()).as(command).isEmpty();
      assertThat(result.err().lines().toList())
          .as(command)
          .singleElement()
          .asString()
          .startsWith(command + ": cannot reach the database postgres@")
          .contains("Connection refused");
    }
  }

  @Test
  void serveAndQueueWorkStartTheServerAWorkerWithWorkers() {
    assertThat(run("serve", "--port", "9090").status()).isZero();
    assertThat(run("queue:work", "--workers", "2").status()).isZero();
    Map<String, String> noWorkers = environment();
    noWorkers.put("QUEUE_WORKERS", "0");
    Result refused = runWith(noWorkers, new ServerStarts(serverStarts), "queue:work");

    assertThat(serverStarts).containsExactly(Map.of(), Map.of("QUEUE_WORKERS", "2"));
    assertThat(refused.status()).isEqualTo(2);
    assertThat(refused.err()).startsWith("A worker instance needs 1 to 64 workers, not 0");
  }

  @Test
  void theRunnableJarRunsTheCommands() throws Exception {
    Path jar = Path.of(System.getProperty("e2e.runnable", "target/huberman-app.jar"));
    assertThat(jar).as("run after `package`: the runnable is built then").exists();
    insertUser("ops@example.com");

    Process help = java(jar, environment(), "queue:failed", "--help");
    Process makeAdmin = java(jar, environment(), "user:make-admin", "ops@example.com");
    Process unknown = java(jar, environment(), "queue:flush");

    assertThat(output(help)).startsWith("Usage: huberman-app queue:failed");
    assertThat(help.exitValue()).isZero();
    assertThat(output(makeAdmin)).isEqualTo("ops@example.com is an admin.\n");
    assertThat(makeAdmin.exitValue()).isZero();
    assertThat(count("SELECT count(*) FROM users WHERE role = 'ADMIN'")).isEqualTo(1);
    output(unknown);
    assertThat(unknown.exitValue()).isEqualTo(2);
  }

  @Test
  void onlyTheAdminCommandsChangeTheRoleAndEachChangeIsAnAuditEvent() throws Exception {
    Path jar = Path.of(System.getProperty("e2e.runnable", "target/huberman-app.jar"));
    insertUser("root@example.com");
    long id = count("SELECT id FROM users WHERE email = 'root@example.com'");

    Finished granted = finished(java(jar, environment(), "user:make-admin", "root@example.com"));
    long adminsAfterGrant = count("SELECT count(*) FROM users WHERE role = 'ADMIN'");
    Finished revoked = finished(java(jar, environment(), "user:revoke-admin", "ROOT@example.com"));

    assertThat(granted.status()).as(granted.err()).isZero();
    assertThat(adminsAfterGrant).isEqualTo(1);
    assertThat(revoked.status()).as(revoked.err()).isZero();
    assertThat(revoked.out()).isEqualTo("ROOT@example.com is no longer an admin.\n");
    assertThat(count("SELECT count(*) FROM users WHERE role = 'ADMIN'")).isZero();
    assertThat(granted.err().lines().filter(line -> line.contains("\"event\"")))
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("{")
                    .contains("\"event\":\"admin.granted\"")
                    .contains("\"user_id\":" + id)
                    .contains("\"by\":\"operator_cli\"")
                    .doesNotContain("root@example.com"));
    assertThat(revoked.err()).contains("\"event\":\"admin.revoked\"", "\"user_id\":" + id);
  }

  // --- helpers

  private record Finished(int status, String out, String err) {}

  private static Finished finished(Process process) throws Exception {
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(err).isTrue();
    return new Finished(process.exitValue(), out, err);
  }

  private Result run(String... args) {
    return runWith(environment(), new ServerStarts(serverStarts), args);
  }

  private static Result runWith(Map<String, String> environment, String... args) {
    return runWith(
        environment,
        (settings, arguments) -> {
          throw new AssertionError("the server must not start");
        },
        args);
  }

  private static Result runWith(
      Map<String, String> environment, ServerStarter server, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        CliWiring.execute(
            args,
            environment,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            server,
            Clock.systemUTC());
    return new Result(status, out.toString(), err.toString());
  }

  private record Result(int status, String out, String err) {}

  /** Records what a server start would have been given. */
  private record ServerStarts(List<Map<String, String>> starts) implements ServerStarter {
    @Override
    public void start(Map<String, String> settings, List<String> payaraArguments) {
      starts.add(settings);
    }
  }

  private static Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>();
    environment.put("DB_HOST", env("DB_HOST", "127.0.0.1"));
    environment.put("DB_PORT", env("DB_PORT", "5432"));
    environment.put("DB_USERNAME", env("DB_USERNAME", "postgres"));
    environment.put("DB_PASSWORD", env("DB_PASSWORD", ""));
    environment.put("DB_DATABASE", DATABASE);
    return environment;
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  private static Process java(Path jar, Map<String, String> environment, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Djava.io.tmpdir=" + jar.toAbsolutePath().getParent());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
    builder.environment().putAll(environment);
    return builder.start();
  }

  /** Standard output, once the process has ended (standard error goes into the failure message). */
  private static String output(Process process) throws Exception {
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(err).isTrue();
    return out;
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static UUID insertFailedJob(String queue, String failedAt) {
    return insertFailedJob(queue, "test.job", failedAt);
  }

  private static UUID insertFailedJob(String queue, String type, String failedAt) {
    UUID uuid = UUID.randomUUID();
    sql(
        String.format(
            Locale.ROOT,
            "INSERT INTO failed_jobs (uuid, queue, type, payload, attempts, max_attempts,"
                + " timeout_seconds, visibility_seconds, exception, failed_at) VALUES ('%s', '%s',"
                + " '%s', '{\"v\": 1}', 5, 5, 60, 90, E'java.lang.IllegalStateException:"
                + " Boom: \"quoted\"\\n\\tat Somewhere.run', %s)",
            uuid,
            queue,
            type,
            failedAt));
    return uuid;
  }

  private static void insertUser(String email) {
    sql(
        "INSERT INTO users (uuid, name, email, password, role, created_at, updated_at) VALUES ('"
            + UUID.randomUUID()
            + "', 'Someone', '"
            + email
            + "', '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g', 'USER', now(), now())");
  }

  private static void sql(String sql) {
    try (Connection connection = connect(DATABASE);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long count(String sql) {
    try (Connection connection = connect(DATABASE);
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Connection connect(String database) throws SQLException {
    Map<String, String> environment = environment();
    return DriverManager.getConnection(
        "jdbc:postgresql://"
            + environment.get("DB_HOST")
            + ":"
            + environment.get("DB_PORT")
            + "/"
            + database,
        environment.get("DB_USERNAME"),
        environment.get("DB_PASSWORD"));
  }
}
