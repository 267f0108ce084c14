package app.huberman.adapters.persistence.migration;

import static org.assertj.core.api.Assertions.assertThat;

import app.huberman.adapters.persistence.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V9 on a database that already holds webhook processing jobs enqueued without a unique key: each
 * gets its event's key, so the reconciler sees a queued job and puts a buried one back rather than
 * adding another.
 */
class ReconcilerMigrationIT {

  private static final String PAYLOAD =
      "'{\"version\": 1, \"data\": {\"provider\": \"stripe\", \"event_id\": \"%s\"}}'";

  @Test
  void givesTheWebhookJobsEnqueuedBeforeItTheirEventsKeyAndTheOlderOfTwoKeepsIt() throws Exception {
    try (PostgresTestDatabase database = PostgresTestDatabase.createEmpty("v9")) {
      flyway(database).target("6").load().migrate();
      insert(database, "jobs", "evt_queued", "subscriptions.process-webhook");
      insert(database, "jobs", "evt_twice", "subscriptions.process-webhook");
      insert(database, "jobs", "evt_twice", "subscriptions.process-webhook");
      insert(database, "jobs", "evt_other", "mail.password-reset");
      insert(database, "failed_jobs", "evt_buried", "subscriptions.process-webhook");

      flyway(database).load().migrate();

      assertThat(database.strings("SELECT coalesce(unique_key, '-') FROM jobs ORDER BY id"))
          .containsExactly("webhook:stripe:evt_queued", "webhook:stripe:evt_twice", "-", "-");
      assertThat(database.strings("SELECT unique_key FROM failed_jobs"))
          .containsExactly("webhook:stripe:evt_buried");
      assertThat(database.strings("SELECT reconciliations FROM webhook_events")).isEmpty();
    }
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(
      PostgresTestDatabase database) {
    return Flyway.configure(ReconcilerMigrationIT.class.getClassLoader())
        .dataSource(database.dataSource())
        .locations(DatabaseMigrator.MIGRATIONS);
  }

  private static void insert(
      PostgresTestDatabase database, String table, String eventId, String type) {
    String failure = table.equals("failed_jobs") ? ", exception" : "";
    String failureValue = table.equals("failed_jobs") ? ", 'gave up'" : "";
    String attempts = table.equals("failed_jobs") ? ", attempts" : "";
    String attemptsValue = table.equals("failed_jobs") ? ", 10" : "";
    database.execute(
        ("INSERT INTO %s (uuid, queue, type, payload, max_attempts, timeout_seconds,"
                + " visibility_seconds%s%s) VALUES (gen_random_uuid(), 'default', '%s', "
                + PAYLOAD
                + "::jsonb, 10, 60, 90%s%s)")
            .formatted(table, attempts, failure, type, eventId, attemptsValue, failureValue));
  }
}
