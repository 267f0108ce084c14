package app.huberman.adapters.persistence.subscription;

import app.huberman.adapters.persistence.MigratedDatabase;
import app.huberman.application.shared.port.out.UnitOfWorkPort;
import app.huberman.application.subscription.WebhookInboxContract;
import app.huberman.application.subscription.port.out.WebhookEventRepository;
import app.huberman.application.subscription.port.out.WebhookInboxPort;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The group-committing webhook inbox on the real PostgreSQL: the contract. */
class GroupCommitWebhookInboxIT extends WebhookInboxContract {

  @RegisterExtension static final MigratedDatabase DB = new MigratedDatabase("webhook_inbox");

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);

  @Override
  protected WebhookInboxPort emptyInbox() {
    DB.database().execute("DELETE FROM webhook_events");
    DB.database().execute("DELETE FROM jobs");
    return new GroupCommitWebhookInbox(webhookEvents(), DB.transactions(), CLOCK);
  }

  @Override
  protected WebhookEventRepository webhookEvents() {
    return new JdbcWebhookEventRepository(DB.transactions().dataSource());
  }

  @Override
  protected UnitOfWorkPort transactions() {
    return DB.transactions();
  }

  @Override
  protected List<String> processingJobsEnqueued() {
    return DB.database()
        .strings(
            "SELECT payload #>> '{data,event}' FROM jobs WHERE type = '" + PROCESS.value() + "'");
  }
}
