package app.huberman.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.application.health.port.in.MigrateSchemaUseCase;
import app.huberman.application.job.port.in.ManageFailedJobsUseCase;
import app.huberman.application.shared.DependencyUnavailableException;
import app.huberman.application.user.port.in.MakeAdminUseCase;
import app.huberman.application.user.port.in.RevokeAdminUseCase;
import app.huberman.domain.job.FailedJob;
import app.huberman.domain.job.JobType;
import app.huberman.domain.job.QueueName;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The commands' parsing, output and exit statuses over in-memory use cases; {@code OperatorCliIT}
 * in bootstrap runs them against PostgreSQL and through the runnable jar.
 */
class OperatorCliTest {

  private static final Instant FAILED_AT = Instant.parse("2026-01-02T03:04:05Z");

  private final FakeUseCases useCases = new FakeUseCases();
  private final List<Map<String, String>> serverStarts = new ArrayList<>();
  private String queueWorkers = "4";

  @Test
  void migratePrintsTheSchemaVersionAsASentenceOrAsJson() {
    assertThat(run("migrate"))
        .isEqualTo(new Result(0, "Database migrated; schema version 7.\n", ""));
    assertThat(run("migrate", "--json").out()).isEqualTo("{\"schema_version\":\"7\"}\n");
  }

  @Test
  void failedJobsAreATableWithTheExceptionsFirstLineOrJsonWithAllOfIt() {
    UUID uuid = useCases.fail("mail", "Boom: \"quoted\"\n\tat Somewhere.run\u2028");

    Result table = run("queue:failed");
    Result json = run("queue:failed", "--json");

    assertThat(table.out().lines().toList())
        .containsExactly(
            "UUID                                  QUEUE  TYPE      ATTEMPTS  FAILED_AT            "
                + " EXCEPTION",
            uuid + "  mail   test.job  5         2026-01-02T03:04:05Z  Boom: \"quoted\"");
    assertThat(json.out())
        .isEqualTo(
            "[{\"uuid\":\""
                + uuid
                + "\",\"queue\":\"mail\",\"type\":\"test.job\",\"attempts\":5,"
                + "\"exception\":\"Boom: \\\"quoted\\\"\\n\\tat Somewhere.run\\u2028\","
                + "\"failed_at\":\"2026-01-02T03:04:05Z\"}]\n");
  }

  @Test
  void noFailedJobsIsSaidSo() {
    assertThat(run("queue:failed").out()).isEqualTo("No failed jobs.\n");
    assertThat(run("queue:failed", "--json").out()).isEqualTo("[]\n");
  }

  @Test
  void retryForgetAndPruneSayWhatTheyDid() {
    UUID first = useCases.fail("default", "x");
    useCases.fail("default", "y");
    UUID third = useCases.fail("default", "z");

    assertThat(run("queue:retry", first.toString()).out()).isEqualTo("Retried 1 failed job.\n");
    assertThat(run("queue:forget", third.toString()).out())
        .isEqualTo("Forgot failed job " + third + ".\n");
    assertThat(run("queue:retry", "all", "--json").out()).isEqualTo("{\"retried\":1}\n");
    assertThat(run("queue:prune-failed").out())
        .isEqualTo("Pruned 0 failed jobs older than 30 days.\n");
    assertThat(run("queue:prune-failed", "--json").out()).isEqualTo("{\"pruned\":0}\n");
  }

  @Test
  void anUnknownJobOrAccountIsAFailureOnOneLine() {
    UUID unknown = UUID.randomUUID();

    assertThat(run("queue:retry", unknown.toString()))
        .isEqualTo(new Result(1, "", "queue:retry: No failed job has uuid " + unknown + "\n"));
    assertThat(run("user:make-admin", "nobody@example.com"))
        .isEqualTo(
            new Result(1, "", "user:make-admin: No account has the email nobody@example.com\n"));
  }

  @Test
  void adminCommandsNameTheAccount() {
    useCases.accounts.add("grace@example.com");

    assertThat(run("user:make-admin", "grace@example.com").out())
        .isEqualTo("grace@example.com is an admin.\n");
    assertThat(run("user:revoke-admin", "grace@example.com").out())
        .isEqualTo("grace@example.com is no longer an admin.\n");
  }

  @Test
  void aMalformedArgumentOrUnknownCommandIsAUsageError() {
    Result malformed = run("queue:retry", "not-a-uuid");

    assertThat(malformed.status()).isEqualTo(2);
    assertThat(malformed.err()).contains("Not a job uuid: 'not-a-uuid'");
    assertThat(run("queue:flush").status()).isEqualTo(2);
  }

  @Test
  void anUnreachableDatabaseIsNamedWithTheRootCause() {
    useCases.unreachable = true;

    assertThat(run("queue:failed"))
        .isEqualTo(
            new Result(
                1,
                "",
                "queue:failed: cannot reach the database postgres@db:5432/huberman: Connection"
                    + " refused\n"));
  }

  @Test
  void anUnexpectedFailureGivesItsClassAndFirstLine() {
    useCases.broken = new IllegalStateException("first line\nsecond line");

    assertThat(run("migrate").err())
        .isEqualTo("migrate: failed: IllegalStateException: first line\n");
  }

  @Test
  void theUseCasesAreClosedAndAFailedCloseIsAFailure() {
    assertThat(run("queue:failed").status()).isZero();
    assertThat(useCases.closed).isTrue();

    useCases.closeFailure = new SQLException("gone\nmore");
    assertThat(run("queue:failed"))
        .isEqualTo(
            new Result(
                1,
                "No failed jobs.\n",
                "huberman-app: closing the database connection failed: gone\n"));
  }

  @Test
  void serveAndQueueWorkStartTheServer() {
    assertThat(run("serve", "--port", "9090").status()).isZero();
    assertThat(run().status()).isZero();
    assertThat(run("queue:work").status()).isZero();
    assertThat(run("queue:work", "--workers", "2").status()).isZero();

    assertThat(serverStarts)
        .containsExactly(
            Map.of(), Map.of(), Map.of("QUEUE_WORKERS", "4"), Map.of("QUEUE_WORKERS", "2"));
  }

  @Test
  void queueWorkRefusesAWorkerCountOutOfRange() {
    assertThat(run("queue:work", "--workers", "65").status()).isEqualTo(2);
    queueWorkers = "0";
    assertThat(run("queue:work").status()).isEqualTo(2);
    queueWorkers = "many";
    assertThat(run("queue:work"))
        .isEqualTo(new Result(1, "", "queue:work: QUEUE_WORKERS must be a whole number\n"));
    assertThat(serverStarts).isEmpty();
  }

  private Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        OperatorCli.execute(
            args,
            useCases,
            this::configuredWorkers,
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            (settings, arguments) -> serverStarts.add(settings));
    return new Result(status, out.toString(), err.toString());
  }

  private int configuredWorkers() {
    try {
      return Integer.parseInt(queueWorkers);
    } catch (NumberFormatException e) {
      throw new CliFailure("QUEUE_WORKERS must be a whole number");
    }
  }

  private record Result(int status, String out, String err) {}

  /** The use cases over a map of failed jobs and a set of accounts. */
  private static final class FakeUseCases implements CliUseCases, ManageFailedJobsUseCase {

    final Map<UUID, FailedJob> failed = new LinkedHashMap<>();
    final Set<String> accounts = new HashSet<>();
    boolean unreachable;
    RuntimeException broken;
    SQLException closeFailure;
    boolean closed;

    UUID fail(String queue, String exception) {
      UUID uuid = UUID.randomUUID();
      failed.put(
          uuid,
          new FailedJob(
              uuid, QueueName.of(queue), JobType.of("test.job"), 5, exception, FAILED_AT));
      return uuid;
    }

    @Override
    public MigrateSchemaUseCase migrateSchema() {
      return () -> {
        if (broken != null) {
          throw broken;
        }
        return "7";
      };
    }

    @Override
    public ManageFailedJobsUseCase failedJobs() {
      if (unreachable) {
        throw new DependencyUnavailableException(
            "database", new IllegalStateException(new ConnectException("Connection refused")));
      }
      return this;
    }

    @Override
    public MakeAdminUseCase makeAdmin() {
      return accounts::contains;
    }

    @Override
    public RevokeAdminUseCase revokeAdmin() {
      return accounts::contains;
    }

    @Override
    public String databaseDescription() {
      return "postgres@db:5432/huberman";
    }

    @Override
    public void close() throws SQLException {
      closed = true;
      if (closeFailure != null) {
        throw closeFailure;
      }
    }

    @Override
    public List<FailedJob> listFailedJobs(int limit) {
      return failed.values().stream().limit(limit).toList();
    }

    @Override
    public boolean retryFailedJob(UUID uuid) {
      return failed.remove(uuid) != null;
    }

    @Override
    public int retryAllFailedJobs() {
      int count = failed.size();
      failed.clear();
      return count;
    }

    @Override
    public boolean forgetFailedJob(UUID uuid) {
      return failed.remove(uuid) != null;
    }

    @Override
    public int pruneFailedJobs() {
      return 0;
    }
  }
}
